; TDCS installer (NSIS 3, Unicode), in Vietnamese.
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DBUNDLE=dist/windows/TDCS \
;            -DOUTFILE=dist/TDCS-0.1.0-setup.exe packaging/installer.nsi
;
; (packaging/build-windows.sh and the Windows workflow pass these.)
;
; Installed for the current user, in %LOCALAPPDATA%\Programs\TDCS: commune staff rarely have
; administrator rights on office PCs, and a per-user install needs none. The program keeps
; the office's data in %LOCALAPPDATA%\TDCS (database, backups, exports, logs), a different
; folder that this installer never writes to and the uninstaller never deletes, so upgrading
; (running a newer installer) and uninstalling both keep the data.

Unicode true
; -DTARGET=amd64-unicode makes a 64-bit installer (TDCS itself is 64-bit only). Debian's NSIS
; has that stub and Wine without its 32-bit half runs only 64-bit programs, so the build on
; Linux uses it; the official Windows NSIS has only the 32-bit stub, the default.
!ifdef TARGET
  Target ${TARGET}
!endif
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (from pyproject.toml)"
!endif
!ifndef VERSION4
  !error "pass -DVERSION4=x.y.z.0 (the same version as four numbers)"
!endif
!ifndef BUNDLE
  !error "pass -DBUNDLE=path/to/the/PyInstaller/folder"
!endif
!ifndef OUTFILE
  !define OUTFILE "TDCS-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\resources\icons\tdcs.ico"
!endif
!ifndef WELCOME_BITMAP
  !define WELCOME_BITMAP "installer-welcome.bmp"
!endif

!define APP "TDCS"
!define APP_LONG "TDCS — theo dõi thực hiện Chỉ thị 39-CT/TW"
!define PUBLISHER "TDCS — Cần Thơ"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TDCS"
!define DATA_DIR "$LOCALAPPDATA\TDCS"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\TDCS"
InstallDirRegKey HKCU "Software\TDCS" "InstallDir"
BrandingText "${APP} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

; The installer's own version resource, from the same version (Windows wants four numbers).
VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APP_LONG}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_WELCOMEFINISHPAGE_BITMAP "${WELCOME_BITMAP}"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "${WELCOME_BITMAP}"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TITLE "Cài đặt TDCS ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "TDCS giúp xã, phường ghi nhận việc thực hiện Chỉ thị 39-CT/TW về tín dụng chính sách xã hội và gửi số liệu về Thành phố.$\r$\n$\r$\nNếu máy đã có TDCS, bản này sẽ thay thế bản cũ. Dữ liệu của đơn vị (trong ${DATA_DIR}) được giữ nguyên.$\r$\n$\r$\nHãy đóng TDCS (nếu đang mở) rồi bấm Cài đặt."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "Đã cài đặt xong TDCS"
!define MUI_FINISHPAGE_TEXT "TDCS đã được cài đặt. Biểu tượng TDCS có trên màn hình nền và trong menu Start.$\r$\n$\r$\nLần đầu mở, TDCS sẽ hỏi đơn vị của bạn (xã/phường) để thiết lập."
!define MUI_FINISHPAGE_RUN "$INSTDIR\TDCS.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở TDCS ngay"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "TDCS sẽ được gỡ khỏi máy. Dữ liệu của đơn vị (cơ sở dữ liệu, bản sao lưu, tệp đã xuất) trong ${DATA_DIR} vẫn được giữ lại; muốn xoá hẳn thì xoá thư mục đó bằng tay."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

Function .onInit
  ; Qt 6 and its Unicode support need 64-bit Windows 10, version 1903 (build 18362) or later.
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastBuild} 18362
    MessageBox MB_OK|MB_ICONSTOP "TDCS cần Windows 10 (bản 1903 trở lên) hoặc Windows 11, loại 64-bit." /SD IDOK
    SetErrorLevel 3
    Abort
  ${EndIf}
FunctionEnd

; Files of a running TDCS cannot be replaced: ask the user to close it first.
!macro WAIT_UNTIL_CLOSED
  ${If} ${FileExists} "$INSTDIR\TDCS.exe"
    retry_closed:
    ClearErrors
    FileOpen $0 "$INSTDIR\TDCS.exe" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "TDCS đang mở. Hãy đóng cửa sổ TDCS rồi bấm Thử lại (Retry)." /SD IDCANCEL IDRETRY retry_closed
      Abort "TDCS đang mở."
    ${EndIf}
    FileClose $0
  ${EndIf}
!macroend

Section "TDCS" SecMain
  SectionIn RO
  !insertmacro WAIT_UNTIL_CLOSED
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program folder whole, so no file of the old version lingers.
  ; Only the program's own folder: the data folder is elsewhere and is never touched.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\TDCS"
  CreateShortCut "$SMPROGRAMS\TDCS\TDCS.lnk" "$INSTDIR\TDCS.exe" "" "$INSTDIR\TDCS.exe" 0 \
    SW_SHOWNORMAL "" "${APP_LONG}"
  CreateShortCut "$SMPROGRAMS\TDCS\Thư mục dữ liệu TDCS.lnk" "${DATA_DIR}"
  CreateShortCut "$SMPROGRAMS\TDCS\Gỡ cài đặt TDCS.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\TDCS.lnk" "$INSTDIR\TDCS.exe" "" "$INSTDIR\TDCS.exe" 0 \
    SW_SHOWNORMAL "" "${APP_LONG}"

  WriteRegStr HKCU "Software\TDCS" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_LONG}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\TDCS.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  !insertmacro WAIT_UNTIL_CLOSED
  Delete "$DESKTOP\TDCS.lnk"
  RMDir /r "$SMPROGRAMS\TDCS"
  ; The program's files only, by name: never a recursive delete of $INSTDIR, which a user
  ; might have pointed at a folder holding other things.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\TDCS.exe"
  Delete "$INSTDIR\tdcs-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\TDCS"
  ; ${DATA_DIR} (the office's database, backups and exports) stays.
SectionEnd
