<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>make the file to send to the city (the changes since the last file)</source>
        <translation>tạo tệp gửi thành phố (các thay đổi kể từ tệp trước)</translation>
    </message>
    <message>
        <source>a complete copy of all records instead of the changes</source>
        <translation>gửi bản đầy đủ toàn bộ bản ghi thay vì chỉ các thay đổi</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>also copy the file into this folder (e.g. a USB stick)</source>
        <translation>chép thêm tệp vào thư mục này (ví dụ USB)</translation>
    </message>
    <message>
        <source>list the files made for the city</source>
        <translation>liệt kê các tệp đã tạo để gửi thành phố</translation>
    </message>
    <message>
        <source>record that a file was sent to the city</source>
        <translation>ghi nhận một tệp đã được gửi về thành phố</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>the file&apos;s number</source>
        <translation>số thứ tự của tệp</translation>
    </message>
    <message>
        <source>import the city&apos;s receipt for a file (marks it acknowledged)</source>
        <translation>nhập biên nhận của thành phố cho một tệp (đánh dấu thành phố đã nhận)</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>the receipt file</source>
        <translation>tệp biên nhận</translation>
    </message>
    <message>
        <source>import sync files from communes (city office)</source>
        <translation>nhập các tệp đồng bộ của xã, phường (dành cho thành phố)</translation>
    </message>
    <message>
        <source>sync files</source>
        <translation>các tệp đồng bộ</translation>
    </message>
    <message>
        <source>only check the files and show what they would change</source>
        <translation>chỉ kiểm tra các tệp và cho biết sẽ thay đổi những gì</translation>
    </message>
    <message>
        <source>where to write the receipts (default: the exports folder)</source>
        <translation>nơi lưu biên nhận (mặc định: thư mục exports)</translation>
    </message>
    <message>
        <source>show, for each commune, the files received and missing (city office)</source>
        <translation>cho biết từng xã, phường đã gửi những tệp nào và còn thiếu tệp nào (dành cho thành phố)</translation>
    </message>
    <message>
        <source>keys and their fingerprints</source>
        <translation>khóa và mã nhận dạng khóa</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>LỆNH</translation>
    </message>
    <message>
        <source>show this office&apos;s key fingerprints</source>
        <translation>xem mã nhận dạng khóa của đơn vị</translation>
    </message>
    <message>
        <source>import the city key file (commune)</source>
        <translation>nhập tệp khóa của thành phố (dành cho xã, phường)</translation>
    </message>
    <message>
        <source>the city key file</source>
        <translation>tệp khóa của thành phố</translation>
    </message>
    <message>
        <source>replace a different city key (after confirming it by phone)</source>
        <translation>thay khóa thành phố đang dùng bằng khóa khác (sau khi đã xác nhận qua điện thoại)</translation>
    </message>
    <message>
        <source>make the city&apos;s keys (city)</source>
        <translation>tạo khóa của thành phố (dành cho thành phố)</translation>
    </message>
    <message>
        <source>write the city key file to send to the communes (city)</source>
        <translation>xuất tệp khóa của thành phố để gửi các xã, phường (dành cho thành phố)</translation>
    </message>
    <message>
        <source>the key file to write</source>
        <translation>tệp khóa cần ghi</translation>
    </message>
    <message>
        <source>enrol a commune&apos;s key after its fingerprint was read out by phone (city)</source>
        <translation>ghi nhận khóa của xã, phường sau khi đã nghe đọc mã nhận dạng qua điện thoại (thành phố)</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>the commune&apos;s code</source>
        <translation>mã xã, phường</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>MÃ_NHẬN_DẠNG</translation>
    </message>
    <message>
        <source>the 24 digits the commune reads out (spaces allowed)</source>
        <translation>24 chữ số xã, phường đọc qua điện thoại (có thể có dấu cách)</translation>
    </message>
    <message>
        <source>forget a commune&apos;s key: the commune starts afresh under a new key (city)</source>
        <translation>bỏ khóa của xã, phường: xã, phường bắt đầu lại từ đầu với khóa mới (thành phố)</translation>
    </message>
    <message>
        <source>full copy</source>
        <translation>bản đầy đủ</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>các thay đổi</translation>
    </message>
    <message>
        <source>File {seq} ({kind}) written: {path}</source>
        <translation>Đã tạo tệp số {seq} ({kind}): {path}</translation>
    </message>
    <message>
        <source>Copied to: {path}</source>
        <translation>Đã chép vào: {path}</translation>
    </message>
    <message>
        <source>{count} records. Send the file to the city by e-mail or on a USB stick.</source>
        <translation>{count} bản ghi. Hãy gửi tệp về thành phố qua thư điện tử hoặc USB.</translation>
    </message>
    <message>
        <source>No file has been made yet.</source>
        <translation>Chưa tạo tệp nào.</translation>
    </message>
    <message>
        <source>File {seq}: {state}.</source>
        <translation>Tệp số {seq}: {state}.</translation>
    </message>
    <message>
        <source>File {seq} was already acknowledged (imported by the city on {date}).</source>
        <translation>Tệp số {seq} đã được ghi nhận trước đó (thành phố đã nhập lúc {date}).</translation>
    </message>
    <message>
        <source>File {seq} acknowledged: the city imported it on {date}.</source>
        <translation>Đã ghi nhận tệp số {seq}: thành phố đã nhập lúc {date}.</translation>
    </message>
    <message>
        <source>New {new} · changed {changed} · deleted {deleted} · unchanged {unchanged} · conflicts {conflicts} · rejected {rejected}</source>
        <translation>Mới {new} · thay đổi {changed} · đã xóa {deleted} · không đổi {unchanged} · xung đột {conflicts} · bị từ chối {rejected}</translation>
    </message>
    <message>
        <source>{commune} · file {seq} ({kind}) · made {date}</source>
        <translation>{commune} · tệp số {seq} ({kind}) · tạo lúc {date}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Lưu ý: {note}</translation>
    </message>
    <message>
        <source>Checked: the file can be imported (nothing was changed).</source>
        <translation>Đã kiểm tra: tệp có thể nhập được (chưa thay đổi gì).</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Đã nhập.</translation>
    </message>
    <message>
        <source>Receipt to send back: {path}</source>
        <translation>Biên nhận cần gửi lại xã, phường: {path}</translation>
    </message>
    <message>
        <source>WAITING FOR THE KEY: {reason}</source>
        <translation>CHỜ XÁC NHẬN KHÓA: {reason}</translation>
    </message>
    <message>
        <source>REFUSED: {reason}</source>
        <translation>BỊ TỪ CHỐI: {reason}</translation>
    </message>
    <message>
        <source>{count} file(s) refused.</source>
        <translation>{count} tệp bị từ chối.</translation>
    </message>
    <message>
        <source>file {seq}, imported {date}</source>
        <translation>tệp số {seq}, nhập lúc {date}</translation>
    </message>
    <message>
        <source>no file yet</source>
        <translation>chưa có tệp nào</translation>
    </message>
    <message>
        <source>{count} conflicts waiting</source>
        <translation>{count} xung đột chờ xử lý</translation>
    </message>
    <message>
        <source>{count} files refused</source>
        <translation>{count} tệp bị từ chối</translation>
    </message>
    <message>
        <source>City key fingerprint: {fingerprint}</source>
        <translation>Mã nhận dạng khóa thành phố: {fingerprint}</translation>
    </message>
    <message>
        <source>waiting to be confirmed ({files} files)</source>
        <translation>chờ xác nhận ({files} tệp)</translation>
    </message>
    <message>
        <source>This office&apos;s key fingerprint: {fingerprint}</source>
        <translation>Mã nhận dạng khóa của đơn vị: {fingerprint}</translation>
    </message>
    <message>
        <source>City key: not imported yet (tdcs keys import-city FILE).</source>
        <translation>Khóa thành phố: chưa nhập (tdcs keys import-city TỆP).</translation>
    </message>
    <message>
        <source>City key fingerprint: {fingerprint} (imported {date})</source>
        <translation>Mã nhận dạng khóa thành phố: {fingerprint} (nhập lúc {date})</translation>
    </message>
    <message>
        <source>City key imported. Fingerprint: {fingerprint}</source>
        <translation>Đã nhập khóa thành phố. Mã nhận dạng: {fingerprint}</translation>
    </message>
    <message>
        <source>Read this fingerprint to the city office by phone to confirm it.</source>
        <translation>Hãy đọc mã nhận dạng này cho thành phố qua điện thoại để xác nhận.</translation>
    </message>
    <message>
        <source>Send the key file to the communes: tdcs keys export-city --out FILE</source>
        <translation>Gửi tệp khóa cho các xã, phường: tdcs keys export-city --out TỆP</translation>
    </message>
    <message>
        <source>City key file written: {path}</source>
        <translation>Đã ghi tệp khóa thành phố: {path}</translation>
    </message>
    <message>
        <source>Fingerprint: {fingerprint}</source>
        <translation>Mã nhận dạng: {fingerprint}</translation>
    </message>
    <message>
        <source>Key of {code} confirmed (fingerprint {fingerprint}). Import its files again: tdcs import FILE…</source>
        <translation>Đã xác nhận khóa của {code} (mã nhận dạng {fingerprint}). Hãy nhập lại các tệp của đơn vị này: tdcs import TỆP…</translation>
    </message>
    <message>
        <source>Only the city office enrols communes&apos; keys.</source>
        <translation>Chỉ thành phố mới ghi nhận khóa của xã, phường.</translation>
    </message>
    <message>
        <source>Key of {code} forgotten. The commune starts afresh: its next file waits until its new key is confirmed (tdcs keys confirm {code} FINGERPRINT), and its next complete file replaces what the city holds for it.</source>
        <translation>Đã bỏ khóa của {code}. Đơn vị này bắt đầu lại từ đầu: tệp tiếp theo của đơn vị sẽ chờ đến khi khóa mới được xác nhận (tdcs keys confirm {code} MÃ_NHẬN_DẠNG), và tệp đầy đủ tiếp theo sẽ thay thế toàn bộ số liệu thành phố đang giữ của đơn vị.</translation>
    </message>
    <message>
        <source>No key is enrolled for {code}.</source>
        <translation>Chưa có khóa nào được ghi nhận cho {code}.</translation>
    </message>
</context>
</TS>
