<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>TDCS: records how the commune carries out the city&apos;s plan for Directive 39-CT/TW on social policy credit, and sends it to the city.</source>
        <translation>TDCS: ghi nhận việc xã, phường thực hiện Kế hoạch của Thành ủy về Chỉ thị 39-CT/TW về tín dụng chính sách xã hội và gửi số liệu về thành phố.</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>in phiên bản rồi thoát</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>data folder (default: TDCS_DATA_DIR, else the user data folder)</source>
        <translation>thư mục dữ liệu (mặc định: TDCS_DATA_DIR, nếu không có thì thư mục dữ liệu của người dùng)</translation>
    </message>
    <message>
        <source>the city&apos;s database on a PostgreSQL server, postgresql://USER@HOST:PORT/NAME (default: TDCS_DATABASE_URL, else the server the data folder remembers, else its own file); the password comes from PGPASSWORD, the PostgreSQL password file or a prompt at a terminal, and is never saved by TDCS</source>
        <translation>cơ sở dữ liệu của Thành phố trên máy chủ PostgreSQL, postgresql://NGƯỜI_DÙNG@MÁY_CHỦ:CỔNG/TÊN (mặc định: TDCS_DATABASE_URL, nếu không có thì máy chủ mà thư mục dữ liệu ghi nhớ, nếu không nữa thì tệp riêng của thư mục); mật khẩu lấy từ PGPASSWORD, tệp mật khẩu của PostgreSQL hoặc hỏi khi chạy trong cửa sổ lệnh, và TDCS không bao giờ lưu nó</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>LỆNH</translation>
    </message>
    <message>
        <source>open the window (the same as running tdcs without a command)</source>
        <translation>mở cửa sổ chương trình (như chạy tdcs không kèm lệnh)</translation>
    </message>
    <message>
        <source>The file {path} could not be used: {reason}.</source>
        <translation>Không dùng được tệp {path}: {reason}.</translation>
    </message>
    <message>
        <source>A file could not be used: {reason}.</source>
        <translation>Không dùng được một tệp: {reason}.</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <extracomment>``--data-dir`` as given, repeated in the commands this run suggests.</extracomment>
        <translation>Lỗi: {message}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Đã dừng.</translation>
    </message>
    <message>
        <source>Unexpected error. Details are in the log file: {path}</source>
        <translation>Lỗi không mong đợi. Chi tiết ghi trong tệp nhật ký: {path}</translation>
    </message>
    <message>
        <source>Usage: </source>
        <extracomment>``pyside6-lupdate`` files bare ``tr(&quot;...&quot;)`` calls under the empty context.</extracomment>
        <translation>Cách dùng: </translation>
    </message>
    <message>
        <source>arguments</source>
        <translation>tham số</translation>
    </message>
    <message>
        <source>options</source>
        <translation>tùy chọn</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>hiện hướng dẫn này rồi thoát</translation>
    </message>
    <message>
        <source>See: {prog} --help</source>
        <translation>Xem: {prog} --help</translation>
    </message>
    <message>
        <source>the database must be a postgresql:// URL, not {url}</source>
        <translation>cơ sở dữ liệu phải là một địa chỉ postgresql://, không phải {url}</translation>
    </message>
    <message>
        <source>Password (not shown, not saved): </source>
        <translation>Mật khẩu (không hiện, không lưu): </translation>
    </message>
    <message>
        <source>Give the password in PostgreSQL&apos;s password file ({path}, one line SERVER:PORT:DATABASE:USER:PASSWORD, readable by you only) or in the PGPASSWORD environment variable; TDCS asks for it when run at a terminal.</source>
        <translation>Hãy ghi mật khẩu vào tệp mật khẩu của PostgreSQL ({path}, một dòng MÁY_CHỦ:CỔNG:TÊN_CSDL:NGƯỜI_DÙNG:MẬT_KHẨU, chỉ mình bạn đọc được) hoặc biến môi trường PGPASSWORD; TDCS hỏi mật khẩu khi chạy trong cửa sổ lệnh.</translation>
    </message>
    <message>
        <source>No good backup of this office was found in {folder}. Restore a copy kept elsewhere (a USB stick) with: {program} restore {data_dir}FILE</source>
        <translation>Không tìm thấy bản sao lưu nào còn tốt của đơn vị này trong {folder}. Hãy khôi phục bản sao lưu đã lưu ở nơi khác (USB) bằng lệnh: {program} restore {data_dir}TỆP</translation>
    </message>
    <message>
        <source>The newest good backup is {name}, taken on {when}. Restore it with:
  {program} restore {data_dir}{path}</source>
        <translation>Bản sao lưu tốt gần nhất là {name}, lập lúc {when}. Khôi phục bằng lệnh:
  {program} restore {data_dir}{path}</translation>
    </message>
</context>
</TS>
