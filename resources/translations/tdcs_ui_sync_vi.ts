<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>BoardTab</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Commune / ward</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Số tệp</translation>
    </message>
    <message>
        <source>Last file</source>
        <translation>Tệp mới nhất</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Ngày lập</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Nhập lần cuối</translation>
    </message>
    <message>
        <source>State of the files</source>
        <translation>Tình trạng tệp</translation>
    </message>
    <message>
        <source>Conflicts waiting</source>
        <translation>Xung đột chờ</translation>
    </message>
    <message>
        <source>Refused since</source>
        <translation>Tệp bị từ chối</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Mã nhận dạng khóa</translation>
    </message>
    <message>
        <source>City bulletin applied</source>
        <translation>Thông báo của thành phố đã áp dụng</translation>
    </message>
    <message>
        <source>Changes after closing</source>
        <translation>Sửa sau khóa sổ</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Closed period</source>
        <translation>Kỳ đã khóa sổ</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Khóa sổ ngày</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa lúc</translation>
    </message>
    <message>
        <source>Search a commune (accents not needed)</source>
        <translation>Tìm xã, phường (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>Only communes that need attention</source>
        <translation>Chỉ xã, phường cần chú ý</translation>
    </message>
    <message>
        <source>Confirm the key…</source>
        <translation>Xác nhận khóa…</translation>
    </message>
    <message>
        <source>For a commune whose files wait for its key: call the commune and type the fingerprint it reads out.</source>
        <translation>Với xã, phường có tệp đang chờ xác nhận khóa: gọi điện cho đơn vị và nhập mã nhận dạng đơn vị đọc.</translation>
    </message>
    <message>
        <source>Forget the commune&apos;s key…</source>
        <translation>Bỏ khóa của xã, phường…</translation>
    </message>
    <message>
        <source>When a commune reinstalled TDCS without a backup: the commune starts afresh under a new key, which is confirmed by phone like the first one.</source>
        <translation>Khi xã, phường đã cài lại TDCS mà không có bản sao lưu: đơn vị bắt đầu lại từ đầu với khóa mới, được xác nhận qua điện thoại như lần đầu.</translation>
    </message>
    <message>
        <source>Changes the communes made after the city closed a period</source>
        <translation>Các xã sửa số liệu sau khi thành phố khóa sổ</translation>
    </message>
    <message>
        <source>{count} communes wait for their key to be confirmed by phone (“Confirm the key…”).</source>
        <translation>{count} xã, phường đang chờ xác nhận khóa qua điện thoại (“Xác nhận khóa…”).</translation>
    </message>
    <message>
        <source>Forget the key of {commune} (fingerprint {fingerprint})? Do it only when the commune says by phone that it reinstalled TDCS without a backup. The commune then starts afresh: its next file waits until its new key is confirmed, its file numbers may begin again at 1, and its next complete file replaces what the city holds for it (the old records stay in the history).</source>
        <translation>Bỏ khóa của {commune} (mã nhận dạng {fingerprint})? Chỉ làm việc này khi đơn vị cho biết qua điện thoại là đã cài lại TDCS mà không có bản sao lưu. Khi đó đơn vị bắt đầu lại từ đầu: tệp tiếp theo sẽ chờ đến khi khóa mới được xác nhận, số thứ tự tệp có thể bắt đầu lại từ 1, và tệp đầy đủ tiếp theo sẽ thay thế số liệu thành phố đang giữ của đơn vị (bản ghi cũ vẫn lưu trong lịch sử).</translation>
    </message>
    <message>
        <source>Files received from {received} of {total} communes and wards ({none} have sent no file yet); {gaps} with files missing; {refused} with files refused since their last import; {conflicts} conflicts waiting for a decision.</source>
        <translation>Đã nhận tệp của {received}/{total} xã, phường ({none} đơn vị chưa gửi tệp nào); {gaps} đơn vị còn thiếu tệp; {refused} đơn vị có tệp bị từ chối kể từ lần nhập gần nhất; {conflicts} xung đột chờ xử lý.</translation>
    </message>
</context>
<context>
    <name>BulletinBox</name>
    <message>
        <source>Notice</source>
        <extracomment>The changes listed in the question before applying (the rest are counted).</extracomment>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>Thực hiện trước ngày</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>City bulletins (*.tdcsb);;All files (*)</source>
        <translation>Thông báo của thành phố (*.tdcsb);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Bulletins from the city</source>
        <translation>Thông báo của thành phố</translation>
    </message>
    <message>
        <source>Apply a bulletin from the city…</source>
        <translation>Áp dụng thông báo của thành phố…</translation>
    </message>
    <message>
        <source>Mark the notice as read</source>
        <translation>Đánh dấu đã đọc thông báo</translation>
    </message>
    <message>
        <source>Last bulletin applied: no. {seq}, issued {issued}, applied {date}.</source>
        <translation>Thông báo áp dụng gần nhất: số {seq}, ban hành {issued}, áp dụng {date}.</translation>
    </message>
    <message>
        <source>No bulletin from the city applied yet.</source>
        <translation>Chưa áp dụng thông báo nào của thành phố.</translation>
    </message>
    <message>
        <source>{count} notices not marked as read:</source>
        <translation>{count} thông báo chưa đánh dấu đã đọc:</translation>
    </message>
    <message>
        <source>Apply a bulletin from the city</source>
        <translation>Áp dụng thông báo của thành phố</translation>
    </message>
    <message>
        <source>Bulletin no. {seq} was applied: {changes} changes.</source>
        <translation>Đã áp dụng thông báo số {seq}: {changes} thay đổi.</translation>
    </message>
    <message>
        <source>Bulletin no. {seq} of the city, issued {date}.</source>
        <translation>Thông báo số {seq} của thành phố, ban hành {date}.</translation>
    </message>
    <message>
        <source>… and {count} more changes.</source>
        <translation>… và {count} thay đổi khác.</translation>
    </message>
    <message>
        <source>It changes nothing here.</source>
        <translation>Thông báo không làm thay đổi gì tại đơn vị.</translation>
    </message>
    <message>
        <source>{new} new, {changed} changed, {removed} withdrawn, {unchanged} unchanged.</source>
        <translation>{new} mới, {changed} thay đổi, {removed} thu hồi, {unchanged} không đổi.</translation>
    </message>
    <message>
        <source>Apply it?</source>
        <translation>Áp dụng thông báo này?</translation>
    </message>
</context>
<context>
    <name>BulletinsTab</name>
    <message>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Được giao</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>Thực hiện trước ngày</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Khóa sổ ngày</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Lập lúc</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Every commune</source>
        <translation>Tất cả xã, phường</translation>
    </message>
    <message>
        <source>Targets assigned to the communes</source>
        <translation>Chỉ tiêu giao cho các xã, phường</translation>
    </message>
    <message>
        <source>Assign a target…</source>
        <translation>Giao chỉ tiêu…</translation>
    </message>
    <message>
        <source>Change the target…</source>
        <translation>Sửa chỉ tiêu…</translation>
    </message>
    <message>
        <source>Withdraw the target</source>
        <translation>Thu hồi chỉ tiêu</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Write a notice…</source>
        <translation>Soạn thông báo…</translation>
    </message>
    <message>
        <source>Closed periods</source>
        <translation>Kỳ đã khóa sổ</translation>
    </message>
    <message>
        <source>Close a period…</source>
        <translation>Khóa sổ một kỳ…</translation>
    </message>
    <message>
        <source>Bulletins made</source>
        <translation>Các thông báo đã lập</translation>
    </message>
    <message>
        <source>Make the bulletin for every commune…</source>
        <translation>Lập thông báo chung cho tất cả xã…</translation>
    </message>
    <message>
        <source>One file for all 103 communes: the catalogue, the closed periods and the notices to every commune. It carries no commune&apos;s targets.</source>
        <translation>Một tệp cho cả 103 xã, phường: danh mục, các kỳ đã khóa sổ và các thông báo gửi tất cả xã. Tệp này không chứa chỉ tiêu của xã nào.</translation>
    </message>
    <message>
        <source>Make one bulletin per commune…</source>
        <translation>Lập thông báo riêng cho từng xã…</translation>
    </message>
    <message>
        <source>One file for each commune, with its own targets and the notices addressed to it as well: send each commune its own file.</source>
        <translation>Mỗi xã, phường một tệp, gồm cả chỉ tiêu của xã và các thông báo gửi riêng xã: gửi mỗi xã đúng tệp của xã.</translation>
    </message>
    <message>
        <source>No bulletin made yet.</source>
        <translation>Chưa lập thông báo nào.</translation>
    </message>
    <message>
        <source>Last bulletin: no. {seq} ({date}).</source>
        <translation>Thông báo gần nhất: số {seq} ({date}).</translation>
    </message>
    <message>
        <source>Since then: {targets} targets, {notices} notices and {closed} closed periods added, changed or withdrawn{catalogue}.</source>
        <translation>Từ đó đến nay: {targets} chỉ tiêu, {notices} thông báo và {closed} kỳ khóa sổ được thêm, sửa hoặc thu hồi{catalogue}.</translation>
    </message>
    <message>
        <source>; the catalogue changed</source>
        <translation>; danh mục đã thay đổi</translation>
    </message>
    <message>
        <source>Nothing changed since.</source>
        <translation>Từ đó đến nay không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Withdraw the target “{target}” of {commune} for {year}? The next bulletin to the commune withdraws it there too.</source>
        <translation>Thu hồi chỉ tiêu “{target}” năm {year} của {commune}? Thông báo tiếp theo gửi xã sẽ thu hồi cả tại xã.</translation>
    </message>
    <message>
        <source>Folder for the bulletin files</source>
        <translation>Thư mục lưu các tệp thông báo</translation>
    </message>
    <message>
        <source>Making the bulletin…</source>
        <translation>Đang lập thông báo…</translation>
    </message>
    <message>
        <source>Bulletin no. {seq} is ready: {files} files in
{folder}

Send each commune its file (or the file for every commune) by e-mail.</source>
        <translation>Đã lập xong thông báo số {seq}: {files} tệp trong
{folder}

Gửi cho mỗi xã đúng tệp của xã (hoặc tệp chung cho tất cả xã) qua thư điện tử.</translation>
    </message>
</context>
<context>
    <name>CitySyncPage</name>
    <message>
        <source>Files from the communes</source>
        <translation>Tệp của các xã, phường</translation>
    </message>
    <message>
        <source>City key fingerprint:</source>
        <translation>Mã nhận dạng khóa thành phố:</translation>
    </message>
    <message>
        <source>Export the city key…</source>
        <translation>Xuất khóa thành phố…</translation>
    </message>
    <message>
        <source>The small file every commune imports once, so it can encrypt for the city.</source>
        <translation>Tệp nhỏ mà mỗi xã, phường nhập một lần để mã hóa tệp gửi thành phố.</translation>
    </message>
    <message>
        <source>Receive files</source>
        <translation>Nhận tệp</translation>
    </message>
    <message>
        <source>Communes board</source>
        <translation>Bảng theo dõi xã, phường</translation>
    </message>
    <message>
        <source>Records of all communes</source>
        <translation>Số liệu các xã, phường</translation>
    </message>
    <message>
        <source>Files received</source>
        <translation>Sổ nhận tệp</translation>
    </message>
    <message>
        <source>Bulletins to the communes</source>
        <translation>Thông báo gửi xã</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Receipts to send</source>
        <translation>Biên nhận chưa gửi</translation>
    </message>
    <message>
        <source>Export the city key</source>
        <translation>Xuất khóa thành phố</translation>
    </message>
    <message>
        <source>City key (*.tdcskey)</source>
        <translation>Khóa thành phố (*.tdcskey)</translation>
    </message>
    <message>
        <source>City key file written:
{path}

Send it to the communes. When a commune imports it, it sees the fingerprint {fingerprint}; confirm it by phone.</source>
        <translation>Đã ghi tệp khóa thành phố:
{path}

Hãy gửi tệp này cho các xã, phường. Khi nhập, xã, phường sẽ thấy mã nhận dạng {fingerprint}; hãy xác nhận qua điện thoại.</translation>
    </message>
</context>
<context>
    <name>ClosedPeriodForm</name>
    <message>
        <source>Close a period</source>
        <translation>Khóa sổ một kỳ</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kỳ:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Quarter or half-year no.:</source>
        <translation>Quý hoặc 6 tháng số:</translation>
    </message>
    <message>
        <source>Closed on:</source>
        <translation>Ngày khóa sổ:</translation>
    </message>
</context>
<context>
    <name>CommuneSync</name>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Tạo lúc</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Số bản ghi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Ngày gửi</translation>
    </message>
    <message>
        <source>City received</source>
        <translation>Thành phố nhận</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>full copy</source>
        <translation>bản đầy đủ</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>các thay đổi</translation>
    </message>
</context>
<context>
    <name>CommuneSyncPage</name>
    <message>
        <source>Sync with the city</source>
        <translation>Đồng bộ với thành phố</translation>
    </message>
    <message>
        <source>Send the data to the city</source>
        <translation>Gửi số liệu về thành phố</translation>
    </message>
    <message>
        <source>Create file for the city</source>
        <translation>Tạo tệp gửi thành phố</translation>
    </message>
    <message>
        <source>Create a full copy</source>
        <translation>Tạo bản đầy đủ</translation>
    </message>
    <message>
        <source>All records, not only the changes. Use it when the city reports files missing, or when asked for a complete copy.</source>
        <translation>Toàn bộ bản ghi, không chỉ các thay đổi. Dùng khi thành phố báo còn thiếu tệp, hoặc khi được đề nghị gửi bản đầy đủ.</translation>
    </message>
    <message>
        <source>Open the files folder</source>
        <translation>Mở thư mục chứa tệp</translation>
    </message>
    <message>
        <source>Files made</source>
        <translation>Các tệp đã tạo</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Đánh dấu đã gửi</translation>
    </message>
    <message>
        <source>Copy the file to…</source>
        <translation>Chép tệp ra…</translation>
    </message>
    <message>
        <source>Import the city&apos;s receipt…</source>
        <translation>Nhập biên nhận của thành phố…</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>This office&apos;s key fingerprint:</source>
        <translation>Mã nhận dạng khóa của đơn vị:</translation>
    </message>
    <message>
        <source>When your first file arrives, the city calls you: read this number out; the city types it, and from then on accepts only files signed with this key.</source>
        <translation>Khi nhận được tệp đầu tiên của đơn vị, thành phố sẽ gọi điện: hãy đọc số này; thành phố nhập số đó và từ đó chỉ nhận các tệp được ký bằng khóa này.</translation>
    </message>
    <message>
        <source>Import the city key…</source>
        <translation>Nhập khóa thành phố…</translation>
    </message>
    <message>
        <source>City key:</source>
        <translation>Khóa thành phố:</translation>
    </message>
    <message>
        <source>Not imported yet. Ask the city office for its key file (.tdcskey) and import it here; without it no file can be made.</source>
        <translation>Chưa nhập. Hãy đề nghị thành phố gửi tệp khóa (.tdcskey) rồi nhập tại đây; chưa có khóa thì chưa tạo được tệp.</translation>
    </message>
    <message>
        <source>Fingerprint {fingerprint} (imported {date})</source>
        <translation>Mã nhận dạng {fingerprint} (nhập lúc {date})</translation>
    </message>
    <message>
        <source>No file made yet; {count} records to send.</source>
        <translation>Chưa tạo tệp nào; có {count} bản ghi cần gửi.</translation>
    </message>
    <message>
        <source>{count} changes not sent yet since file {seq} ({date}).</source>
        <translation>Có {count} thay đổi chưa gửi kể từ tệp số {seq} ({date}).</translation>
    </message>
    <message>
        <source>Nothing changed since file {seq} ({date}).</source>
        <translation>Không có thay đổi nào kể từ tệp số {seq} ({date}).</translation>
    </message>
    <message>
        <source>Making the file for the city…</source>
        <translation>Đang tạo tệp gửi thành phố…</translation>
    </message>
    <message>
        <source>File {seq} is ready ({count} records):
{path}

Send it to the city by e-mail or on a USB stick, then mark it as sent.</source>
        <translation>Tệp số {seq} đã sẵn sàng ({count} bản ghi):
{path}

Hãy gửi tệp về thành phố qua thư điện tử hoặc USB, rồi đánh dấu đã gửi.</translation>
    </message>
    <message>
        <source>Copy the file to</source>
        <translation>Chép tệp vào</translation>
    </message>
    <message>
        <source>The file could not be copied to {folder}: {reason}.</source>
        <translation>Không sao chép được tệp vào {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Copied to:
{path}</source>
        <translation>Đã chép vào:
{path}</translation>
    </message>
    <message>
        <source>Import the city&apos;s receipt</source>
        <translation>Nhập biên nhận của thành phố</translation>
    </message>
    <message>
        <source>TDCS receipts (*.tdcsr);;All files (*)</source>
        <translation>Biên nhận TDCS (*.tdcsr);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>File {seq} was already marked as received by the city.</source>
        <translation>Tệp số {seq} đã được ghi nhận là thành phố đã nhận.</translation>
    </message>
    <message>
        <source>The city received file {seq} on {date}.</source>
        <translation>Thành phố đã nhận tệp số {seq} lúc {date}.</translation>
    </message>
    <message>
        <source>Import the city key</source>
        <translation>Nhập khóa thành phố</translation>
    </message>
    <message>
        <source>City key (*.tdcskey);;All files (*)</source>
        <translation>Khóa thành phố (*.tdcskey);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>The city key&apos;s fingerprint is:

{fingerprint}

Have you read it out with the city office by phone, and is it the same?</source>
        <translation>Mã nhận dạng khóa thành phố là:

{fingerprint}

Đã gọi điện đọc đối chiếu với thành phố và mã trùng khớp chưa?</translation>
    </message>
    <message>
        <source>It replaces the city key in use (fingerprint {old}).</source>
        <translation>Khóa này sẽ thay khóa thành phố đang dùng (mã nhận dạng {old}).</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <source>Commune / ward</source>
        <extracomment>How many differing fields a question lists before &quot;…&quot;.</extracomment>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Loại bản ghi</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Phát hiện lúc</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Các trường khác nhau</translation>
    </message>
    <message>
        <source>City&apos;s copy kept, {date}</source>
        <translation>Đã giữ bản của thành phố, {date}</translation>
    </message>
    <message>
        <source>File&apos;s copy taken, {date}</source>
        <translation>Đã lấy bản trong tệp, {date}</translation>
    </message>
    <message>
        <source>Closed by a newer version, {date}</source>
        <translation>Đã đóng do có phiên bản mới hơn, {date}</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>Đang chờ quyết định</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>The city&apos;s copy</source>
        <translation>Bản của thành phố</translation>
    </message>
    <message>
        <source>The file&apos;s copy</source>
        <translation>Bản trong tệp</translation>
    </message>
    <message>
        <source>A conflict is a record that arrived with the same version as the city&apos;s copy but different content (for example after a commune restored an old backup). Nothing was overwritten: compare the two copies and decide. A newer version from the commune closes the conflict by itself.</source>
        <translation>Xung đột là bản ghi nhận được có cùng phiên bản với bản của thành phố nhưng nội dung khác (ví dụ khi xã, phường phục hồi một bản sao lưu cũ). Chưa có gì bị ghi đè: hãy so sánh hai bản và quyết định. Khi xã, phường gửi phiên bản mới hơn, xung đột tự được đóng.</translation>
    </message>
    <message>
        <source>Also show decided conflicts</source>
        <translation>Hiện cả các xung đột đã xử lý</translation>
    </message>
    <message>
        <source>Keep the city&apos;s copy…</source>
        <translation>Giữ bản của thành phố…</translation>
    </message>
    <message>
        <source>Take the file&apos;s copy…</source>
        <translation>Lấy bản trong tệp…</translation>
    </message>
    <message>
        <source>Undo the decision…</source>
        <translation>Hoàn tác quyết định…</translation>
    </message>
    <message>
        <source>The conflict waits for a decision again; if the file&apos;s copy was taken, the city&apos;s copy is put back.</source>
        <translation>Xung đột trở lại chờ quyết định; nếu đã lấy bản trong tệp thì bản của thành phố được khôi phục.</translation>
    </message>
    <message>
        <source>To see or undo a decision, show the decided conflicts.</source>
        <translation>Để xem hoặc hoàn tác một quyết định, hãy hiện cả các xung đột đã xử lý.</translation>
    </message>
    <message>
        <source>{record} — {kind}, {commune}. {decision}.</source>
        <translation>{record} — {kind}, {commune}. {decision}.</translation>
    </message>
    <message>
        <source>Keep the city&apos;s copy of {record}?

The file&apos;s copy differs here (city&apos;s copy → file&apos;s copy):
{lines}

The file&apos;s copy is set aside. You can undo this decision later.</source>
        <translation>Giữ bản của thành phố cho {record}?

Bản trong tệp khác ở các trường sau (bản của thành phố → bản trong tệp):
{lines}

Bản trong tệp sẽ không được dùng. Có thể hoàn tác quyết định này sau.</translation>
    </message>
    <message>
        <source>Take the file&apos;s copy of {record}?

These fields change (city&apos;s copy → file&apos;s copy):
{lines}

The city&apos;s copy is kept in the history. You can undo this decision later.</source>
        <translation>Lấy bản trong tệp cho {record}?

Các trường sau sẽ thay đổi (bản của thành phố → bản trong tệp):
{lines}

Bản của thành phố được lưu trong lịch sử. Có thể hoàn tác quyết định này sau.</translation>
    </message>
    <message>
        <source>Undo the decision on {record}? The city&apos;s copy is put back:
{lines}

The conflict then waits for a decision again.</source>
        <translation>Hoàn tác quyết định về {record}? Bản của thành phố được khôi phục:
{lines}

Xung đột sẽ trở lại chờ quyết định.</translation>
    </message>
    <message>
        <source>Undo the decision on {record}? The conflict then waits for a decision again.</source>
        <translation>Hoàn tác quyết định về {record}? Xung đột sẽ trở lại chờ quyết định.</translation>
    </message>
    <message>
        <source>{count} conflicts waiting.</source>
        <translation>{count} xung đột chờ xử lý.</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>Ready to import</source>
        <translation>Sẵn sàng nhập</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>Đã nhập trước đó</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
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
        <source>File</source>
        <extracomment>Numbers before this file&apos;s that neither the city nor this batch has.</extracomment>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Missing before it</source>
        <translation>Thiếu tệp trước</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Waiting for the key</source>
        <translation>Chờ xác nhận khóa</translation>
    </message>
    <message>
        <source>{commune}, file {seq}, made {date}.</source>
        <translation>{commune}, tệp số {seq}, tạo lúc {date}.</translation>
    </message>
    <message>
        <source>Key fingerprint to confirm: {fingerprint}</source>
        <translation>Mã nhận dạng khóa cần xác nhận: {fingerprint}</translation>
    </message>
    <message>
        <source>Files {seqs} from this commune, which come before this one, have not arrived: ask the commune to send them.</source>
        <translation>Chưa nhận được tệp số {seqs} của đơn vị này (các tệp đứng trước tệp này): hãy đề nghị xã, phường gửi bổ sung.</translation>
    </message>
    <message>
        <source>Receipt to send back: {path}</source>
        <translation>Biên nhận cần gửi lại xã, phường: {path}</translation>
    </message>
    <message>
        <source>Drop the .tdcs files received from communes here (many at once, or a folder)</source>
        <translation>Kéo thả vào đây các tệp .tdcs nhận được từ xã, phường (nhiều tệp một lúc, hoặc cả thư mục)</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Select a file to see the details.</source>
        <translation>Chọn một tệp để xem chi tiết.</translation>
    </message>
    <message>
        <source>Take out of the list</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <source>The selected files are not imported now; the files themselves stay where they are and can be added again.</source>
        <translation>Các tệp đã chọn sẽ không được nhập lần này; bản thân các tệp vẫn ở nguyên chỗ cũ và có thể thêm lại sau.</translation>
    </message>
    <message>
        <source>Confirm the commune&apos;s key…</source>
        <translation>Xác nhận khóa của xã, phường…</translation>
    </message>
    <message>
        <source>For a file waiting for its commune&apos;s key: call the commune and type the fingerprint it reads out; its files are then checked again.</source>
        <translation>Với tệp đang chờ xác nhận khóa: gọi điện cho xã, phường và nhập mã nhận dạng đơn vị đọc; sau đó các tệp của đơn vị được kiểm tra lại.</translation>
    </message>
    <message>
        <source>Import the files that are ready</source>
        <translation>Nhập các tệp sẵn sàng</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Xóa danh sách</translation>
    </message>
    <message>
        <source>Open the receipts folder</source>
        <translation>Mở thư mục biên nhận</translation>
    </message>
    <message>
        <source>{files} files: {ready} ready to import, {applied} imported, {already} imported before, {refused} refused.</source>
        <translation>{files} tệp: {ready} sẵn sàng nhập, {applied} đã nhập, {already} đã nhập trước đó, {refused} bị từ chối.</translation>
    </message>
    <message>
        <source>{count} wait until their commune&apos;s key is confirmed (select one, then “Confirm the commune&apos;s key…”).</source>
        <translation>{count} tệp đang chờ xác nhận khóa của xã, phường (chọn một tệp rồi bấm “Xác nhận khóa của xã, phường…”).</translation>
    </message>
    <message>
        <source>{count} of them follow files that have not arrived (column “Missing before it”): they can be imported, but ask the communes for the missing files.</source>
        <translation>Có {count} tệp đứng sau tệp chưa nhận được (cột “Thiếu tệp trước”): vẫn nhập được, nhưng hãy đề nghị xã, phường gửi bổ sung tệp còn thiếu.</translation>
    </message>
    <message>
        <source>Choose sync files</source>
        <translation>Chọn tệp đồng bộ</translation>
    </message>
    <message>
        <source>TDCS sync files (*.tdcs);;All files (*)</source>
        <translation>Tệp đồng bộ TDCS (*.tdcs);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Đang kiểm tra các tệp…</translation>
    </message>
    <message>
        <source>Importing the files…</source>
        <translation>Đang nhập các tệp…</translation>
    </message>
    <message>
        <source>{count} files imported. Their receipts are in {folder}; send each commune its receipt (the tab “Receipts to send” lists them).</source>
        <translation>Đã nhập {count} tệp. Biên nhận nằm trong thư mục {folder}; hãy gửi biên nhận cho từng xã, phường (xem thẻ “Biên nhận chưa gửi”).</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>Confirm the commune&apos;s key</source>
        <translation>Xác nhận khóa của xã, phường</translation>
    </message>
    <message>
        <source>Call {commune} and ask the clerk to read out the key fingerprint shown on the Sync page of their TDCS (“This office&apos;s key fingerprint”, 24 digits). Type the digits you hear; do not copy them from a file or an e-mail.</source>
        <translation>Hãy gọi điện cho {commune} và đề nghị cán bộ đọc mã nhận dạng khóa hiển thị tại trang Đồng bộ trong TDCS của đơn vị (“Mã nhận dạng khóa của đơn vị”, 24 chữ số). Nhập các chữ số nghe được; không chép từ tệp hay thư điện tử.</translation>
    </message>
    <message>
        <source>The key of {commune} is enrolled (fingerprint {fingerprint}). From now on the city accepts only files signed with it.</source>
        <translation>Đã ghi nhận khóa của {commune} (mã nhận dạng {fingerprint}). Từ nay thành phố chỉ nhận các tệp được ký bằng khóa này.</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>new {new}, changed {changed}, deleted {deleted}, conflicts {conflicts}</source>
        <translation>mới {new}, thay đổi {changed}, đã xóa {deleted}, xung đột {conflicts}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Commune / ward</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>What it changed</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <source>Reason / notes</source>
        <translation>Lý do, ghi chú</translation>
    </message>
    <message>
        <source>Search (accents not needed)</source>
        <translation>Tìm kiếm (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>Write the receipt again</source>
        <translation>Lập lại biên nhận</translation>
    </message>
    <message>
        <source>Receipt written:
{path}

It is in the list of receipts to send.</source>
        <translation>Đã lập biên nhận:
{path}

Biên nhận đã được đưa vào danh sách biên nhận chưa gửi.</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <source>Write a notice</source>
        <translation>Soạn thông báo</translation>
    </message>
    <message>
        <source>Every commune</source>
        <translation>Tất cả xã, phường</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Gửi:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tiêu đề:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Act by (may be empty):</source>
        <translation>Thực hiện trước ngày (có thể để trống):</translation>
    </message>
</context>
<context>
    <name>ReceiptsTab</name>
    <message>
        <source>Commune / ward</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>Tệp số</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Lập lúc</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Tệp biên nhận</translation>
    </message>
    <message>
        <source>Send each commune its receipt (attach the file to an e-mail), then mark it as sent. When the commune imports it, its file shows as received by the city.</source>
        <translation>Gửi cho từng xã, phường biên nhận của mình (đính kèm tệp vào thư điện tử), rồi đánh dấu đã gửi. Khi xã, phường nhập biên nhận, tệp của đơn vị sẽ hiện là thành phố đã nhận.</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Đánh dấu đã gửi</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>{count} receipts to send.</source>
        <translation>Còn {count} biên nhận chưa gửi.</translation>
    </message>
    <message>
        <source>Every receipt written has been sent.</source>
        <translation>Đã gửi hết các biên nhận đã lập.</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>yes</source>
        <extracomment>Leading values of each row: id, commune code, commune name, deleted.</extracomment>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Commune / ward</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <source>All communes and wards</source>
        <translation>Tất cả xã, phường</translation>
    </message>
    <message>
        <source>Include deleted records</source>
        <translation>Hiện cả bản ghi đã xóa</translation>
    </message>
    <message>
        <source>Search (accents not needed)</source>
        <translation>Tìm kiếm (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <source>{shown} of {total} records shown.</source>
        <translation>Hiển thị {shown}/{total} bản ghi.</translation>
    </message>
    <message>
        <source>Only the first {count} are loaded: choose a commune to see the others.</source>
        <translation>Chỉ tải {count} bản ghi đầu tiên: hãy chọn một xã, phường để xem các bản ghi khác.</translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <source>Assign a target</source>
        <translation>Giao chỉ tiêu</translation>
    </message>
    <message>
        <source>Change the target</source>
        <translation>Sửa chỉ tiêu</translation>
    </message>
    <message>
        <source>Commune or ward:</source>
        <translation>Xã, phường:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <source>Assigned (đồng, groups or loans):</source>
        <translation>Mức giao (đồng, tổ hoặc khoản vay):</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Ghi chú:</translation>
    </message>
</context>
</TS>
