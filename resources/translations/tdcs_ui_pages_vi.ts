<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>DataBox</name>
    <message>
        <source>Data and backups</source>
        <translation>Dữ liệu và sao lưu</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>Sao lưu ra tệp…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>TDCS backs up the data every day it is opened. Restoring a backup replaces all the data with the backup&apos;s, after backing up the current data, and restarts TDCS.</source>
        <translation>TDCS tự sao lưu dữ liệu mỗi ngày được mở. Khôi phục một bản sao lưu sẽ thay toàn bộ dữ liệu bằng dữ liệu của bản đó (sau khi sao lưu dữ liệu hiện tại) và khởi động lại TDCS.</translation>
    </message>
    <message>
        <source>The database is on a PostgreSQL server, shared by the city&apos;s computers. Each day the first TDCS to open backs it up (pg_dump) into the backups folder of its own computer. Restoring a backup replaces all the data on the server with the backup&apos;s, after backing up the current data: close TDCS on the other computers first.</source>
        <translation>Cơ sở dữ liệu nằm trên máy chủ PostgreSQL, dùng chung cho các máy tính của Thành phố. Mỗi ngày, TDCS mở đầu tiên sẽ sao lưu nó (pg_dump) vào thư mục sao lưu trên máy tính của mình. Khôi phục một bản sao lưu sẽ thay toàn bộ dữ liệu trên máy chủ bằng dữ liệu của bản sao lưu, sau khi sao lưu dữ liệu hiện tại: hãy đóng TDCS trên các máy tính khác trước.</translation>
    </message>
    <message>
        <source>Last daily backup: {when} on {host}, {path}</source>
        <translation>Bản sao lưu hằng ngày gần nhất: {when} trên máy {host}, {path}</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Sao lưu ra</translation>
    </message>
    <message>
        <source>Backup written:
{path}</source>
        <translation>Đã sao lưu:
{path}</translation>
    </message>
    <message>
        <source>The backup could not be written: {reason}</source>
        <translation>Không ghi được bản sao lưu: {reason}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
    <message>
        <source>The data now in TDCS will be replaced by the backup of {when} ({office}). The current data is backed up first. TDCS will then restart.

Restore this backup?</source>
        <translation>Dữ liệu hiện tại sẽ được thay bằng bản sao lưu ngày {when} ({office}). Dữ liệu hiện tại được sao lưu trước; sau đó TDCS sẽ khởi động lại.

Khôi phục bản sao lưu này?</translation>
    </message>
    <message>
        <source>{count} other connection(s) to the database are open: TDCS on other computers, or other programs. What they have not saved is lost, and TDCS must be opened again on those computers after the restore. Close TDCS there first if you can.</source>
        <translation>Đang có {count} kết nối khác tới cơ sở dữ liệu: TDCS trên máy tính khác, hoặc chương trình khác. Phần việc chưa lưu trên đó sẽ mất, và sau khi khôi phục phải mở lại TDCS trên các máy đó. Nếu được, hãy đóng TDCS trên các máy đó trước.</translation>
    </message>
    <message>
        <source>The data it replaced was kept in {path}.</source>
        <translation>Dữ liệu trước khi khôi phục được lưu tại {path}.</translation>
    </message>
    <message>
        <source>The backup of {when} was restored. {kept} TDCS restarts now.</source>
        <translation>Đã khôi phục bản sao lưu ngày {when}. {kept} TDCS sẽ khởi động lại ngay bây giờ.</translation>
    </message>
    <message>
        <source>The backup could not be restored: {reason}</source>
        <translation>Không khôi phục được bản sao lưu: {reason}</translation>
    </message>
    <message>
        <source>TDCS backup (*{suffix})</source>
        <translation>Bản sao lưu TDCS (*{suffix})</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
</context>
<context>
    <name>DatabaseBox</name>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Kept in</source>
        <translation>Lưu tại</translation>
    </message>
    <message>
        <source>Choose the PostgreSQL server…</source>
        <translation>Chọn máy chủ PostgreSQL…</translation>
    </message>
    <message>
        <source>Use this computer&apos;s file</source>
        <translation>Dùng tệp trên máy này</translation>
    </message>
    <message>
        <source>this computer&apos;s file {path}</source>
        <translation>tệp trên máy này {path}</translation>
    </message>
    <message>
        <source>the PostgreSQL server {url}</source>
        <translation>máy chủ PostgreSQL {url}</translation>
    </message>
    <message>
        <source>A commune or ward office always keeps its data in this computer&apos;s file.</source>
        <translation>Xã, phường luôn lưu dữ liệu trong tệp trên máy tính này.</translation>
    </message>
    <message>
        <source>Chosen for this run by TDCS_DATABASE_URL or --database, which come before the choice saved here.</source>
        <translation>Lần chạy này do TDCS_DATABASE_URL hoặc --database chọn; chúng được ưu tiên hơn lựa chọn lưu ở đây.</translation>
    </message>
    <message>
        <source>From the next start TDCS uses the server {url}. Close and open TDCS.</source>
        <translation>Từ lần mở sau, TDCS dùng máy chủ {url}. Hãy đóng rồi mở lại TDCS.</translation>
    </message>
    <message>
        <source>From the next start TDCS works on this computer&apos;s own file {path} instead of the server; the data on the server stays there. Go on?</source>
        <translation>Từ lần mở sau, TDCS làm việc trên tệp riêng của máy này {path} thay cho máy chủ; dữ liệu trên máy chủ vẫn giữ nguyên. Tiếp tục?</translation>
    </message>
    <message>
        <source>From the next start TDCS uses this computer&apos;s file. Close and open TDCS.</source>
        <translation>Từ lần mở sau, TDCS dùng tệp trên máy này. Hãy đóng rồi mở lại TDCS.</translation>
    </message>
</context>
<context>
    <name>DocumentsBox</name>
    <message>
        <source>Documents and reports</source>
        <translation>Văn bản, báo cáo</translation>
    </message>
    <message>
        <source>The yearly report (before 30/10) is the Standing Committee of the City Party Committee&apos;s, in the Party&apos;s form (“Số …-BC/TU”, “T/M BAN THƯỜNG VỤ”); the fund&apos;s reports are the city Fatherland Front Committee&apos;s; the others the city People&apos;s Committee&apos;s. A commune&apos;s report made here keeps the commune as its issuer and says it is a copy made from the commune&apos;s data.</source>
        <extracomment>What the box showed when last read or saved.</extracomment>
        <translation>Báo cáo hằng năm (trước 30/10) là báo cáo của Ban Thường vụ Thành ủy, theo thể thức văn bản của Đảng (“Số …-BC/TU”, “T/M BAN THƯỜNG VỤ”); báo cáo Quỹ “Vì người nghèo” là của Ủy ban MTTQ thành phố; các báo cáo khác là của Ủy ban nhân dân thành phố. Báo cáo của một xã, phường lập tại đây vẫn đứng tên xã, phường đó và ghi rõ là bản lập từ số liệu của xã, phường.</translation>
    </message>
    <message>
        <source>Plan and loan reports issued by</source>
        <translation>Báo cáo kế hoạch, khoản vay do</translation>
    </message>
    <message>
        <source>Fund reports issued by</source>
        <translation>Báo cáo Quỹ do</translation>
    </message>
    <message>
        <source>The document&apos;s form follows the body that issues it: a People&apos;s Committee&apos;s follows Decree 30/2020 (the national motto, “Số: …/BC-UBND”); a Party Committee&apos;s the Party&apos;s form (“ĐẢNG CỘNG SẢN VIỆT NAM”, “Số …-BC/ĐU”, “T/M ĐẢNG ỦY”); the Fatherland Front&apos;s its own (“Số: …/BC-MTTQ”, “TM. BAN THƯỜNG TRỰC”).</source>
        <translation>Thể thức văn bản theo cơ quan ban hành: Ủy ban nhân dân theo Nghị định 30/2020 (Quốc hiệu, tiêu ngữ, “Số: …/BC-UBND”); Đảng ủy theo thể thức văn bản của Đảng (“ĐẢNG CỘNG SẢN VIỆT NAM”, “Số …-BC/ĐU”, “T/M ĐẢNG ỦY”); Ủy ban Mặt trận Tổ quốc theo thể thức của Mặt trận (“Số: …/BC-MTTQ”, “TM. BAN THƯỜNG TRỰC”).</translation>
    </message>
    <message>
        <source>Signs for</source>
        <translation>Ký thay mặt</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>as printed under the signature</source>
        <translation>như in dưới chữ ký</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>City plan for Directive 39</source>
        <translation>Kế hoạch thực hiện Chỉ thị 39</translation>
    </message>
    <message>
        <source>The plan of the Standing Committee of the City Party Committee that replaced Kế hoạch số 386-KH/TU of 12/03/2025; reports cite it by this number and date.</source>
        <translation>Kế hoạch của Ban Thường vụ Thành ủy thay thế Kế hoạch số 386-KH/TU ngày 12/03/2025; báo cáo viện dẫn Kế hoạch theo số và ngày này.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Interface</source>
        <translation>Giao diện</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>OfficeBox</name>
    <message>
        <source>Office</source>
        <extracomment>The office was saved (the documents box names the bodies after it).</extracomment>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>shown in the change history</source>
        <translation>hiện trong lịch sử thay đổi</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên cơ quan</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Họ tên người nhập liệu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Saved.</source>
        <extracomment>What the box showed when last read or saved.</extracomment>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Contributions &amp; capital</source>
        <translation>Đóng góp &amp; nguồn vốn</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>ProgrammesBox</name>
    <message>
        <source>Credit programmes and rates</source>
        <translation>Chương trình cho vay và lãi suất</translation>
    </message>
    <message>
        <source>When the bank changes a rate, add the new rate with the date it applies from; loans disbursed before that date keep the old rate.</source>
        <translation>Khi Ngân hàng thay đổi lãi suất, hãy thêm lãi suất mới kèm ngày bắt đầu áp dụng; các khoản vay giải ngân trước ngày đó giữ lãi suất cũ.</translation>
    </message>
    <message>
        <source>New rate…</source>
        <translation>Lãi suất mới…</translation>
    </message>
</context>
<context>
    <name>RateForm</name>
    <message>
        <source>New rate</source>
        <translation>Lãi suất mới</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Applies from</source>
        <translation>Áp dụng từ ngày</translation>
    </message>
    <message>
        <source>Rate (% a year)</source>
        <translation>Lãi suất (%/năm)</translation>
    </message>
    <message>
        <source>Priority rate (% a year)</source>
        <translation>Lãi suất ưu đãi (%/năm)</translation>
    </message>
    <message>
        <source>Leave empty if the programme has none.</source>
        <translation>Để trống nếu chương trình không có.</translation>
    </message>
    <message>
        <source>Cap per loan</source>
        <translation>Mức cho vay tối đa</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Daily, automatic</source>
        <translation>Tự động hằng ngày</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>Sao lưu thủ công</translation>
    </message>
    <message>
        <source>Before an upgrade of TDCS</source>
        <translation>Trước khi nâng cấp TDCS</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Thời điểm sao lưu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The data now in TDCS is backed up first, so this can be undone by restoring that copy.</source>
        <translation>Chọn bản sao lưu cần khôi phục. Dữ liệu hiện tại của TDCS sẽ được sao lưu trước, nên có thể hoàn tác bằng cách khôi phục lại bản đó.</translation>
    </message>
    <message>
        <source>The database is on a PostgreSQL server: its backups are pg_dump files (.pgdump), and TDCS on the other computers should be closed first.</source>
        <translation>Cơ sở dữ liệu nằm trên máy chủ PostgreSQL: bản sao lưu của nó là tệp pg_dump (.pgdump), và nên đóng TDCS trên các máy tính khác trước.</translation>
    </message>
    <message>
        <source>There is no backup in the backups folder yet.</source>
        <translation>Thư mục sao lưu chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Chọn tệp khác…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Khôi phục…</translation>
    </message>
    <message>
        <source>Choose a TDCS backup</source>
        <translation>Chọn bản sao lưu TDCS</translation>
    </message>
    <message>
        <source>TDCS backup of the server database (*.pgdump);;All files (*)</source>
        <translation>Bản sao lưu TDCS của cơ sở dữ liệu trên máy chủ (*.pgdump);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>TDCS backup (*.sqlite3 *.db);;All files (*)</source>
        <translation>Bản sao lưu TDCS (*.sqlite3 *.db);;Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>The city&apos;s database server</source>
        <translation>Máy chủ cơ sở dữ liệu của Thành phố</translation>
    </message>
    <message>
        <source>Choose a PostgreSQL database that already holds the city office (set up from another computer, or with tdcs init). TDCS uses it from its next start.</source>
        <translation>Chọn một cơ sở dữ liệu PostgreSQL đã có văn phòng Thành phố (đã thiết lập từ máy khác, hoặc bằng tdcs init). TDCS dùng nó từ lần mở sau.</translation>
    </message>
    <message>
        <source>This database holds no city office yet. Set the city up there first (the set-up wizard on a new data folder, or tdcs init --mode city --database URL), or choose another.</source>
        <translation>Cơ sở dữ liệu này chưa có văn phòng Thành phố. Hãy thiết lập ở đó trước (trình thiết lập với một thư mục dữ liệu mới, hoặc tdcs init --mode city --database URL), hoặc chọn cơ sở dữ liệu khác.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Rate / year</source>
        <translation>Lãi suất/năm</translation>
    </message>
    <message>
        <source>Priority rate</source>
        <translation>Lãi suất ưu đãi</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Mức cho vay tối đa</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Áp dụng từ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Hamlets (ấp / khu vực)</source>
        <translation>Ấp / khu vực</translation>
    </message>
    <message>
        <source>Add hamlet</source>
        <translation>Thêm ấp / khu vực</translation>
    </message>
    <message>
        <source>Rename hamlet</source>
        <translation>Đổi tên ấp / khu vực</translation>
    </message>
</context>
</TS>
