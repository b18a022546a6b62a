<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>set up this data folder for a commune/ward office or the city office</source>
        <translation>thiết lập thư mục dữ liệu này cho văn phòng xã/phường hoặc văn phòng thành phố</translation>
    </message>
    <message>
        <source>commune: a commune or ward office; city: the city office</source>
        <translation>commune: văn phòng xã, phường; city: văn phòng thành phố</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>the commune&apos;s 5-digit code, e.g. 31120 (commune mode)</source>
        <translation>mã xã, phường gồm 5 chữ số, ví dụ 31120 (chế độ xã, phường)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>the office&apos;s name</source>
        <translation>tên cơ quan</translation>
    </message>
    <message>
        <source>a hamlet (ấp / khu vực); repeat for several</source>
        <translation>một ấp / khu vực; lặp lại để nhập nhiều</translation>
    </message>
    <message>
        <source>show or set who issues the reports, who signs them and the plan they cite</source>
        <translation>xem hoặc đặt cơ quan ban hành báo cáo, người ký và Kế hoạch được viện dẫn</translation>
    </message>
    <message>
        <source>Without options: show who issues each report, its signers and the plan&apos;s number and date. With options: set them (as in Settings, under “Documents and reports”).</source>
        <translation>Không có tùy chọn: xem cơ quan ban hành từng loại báo cáo, người ký và số, ngày của Kế hoạch. Có tùy chọn: đặt các nội dung đó (như ở trang Cài đặt, mục “Văn bản, báo cáo”).</translation>
    </message>
    <message>
        <source>show where the database is; choose the city&apos;s server, or this folder&apos;s own file</source>
        <translation>cho biết cơ sở dữ liệu ở đâu; chọn máy chủ của Thành phố, hoặc tệp riêng của thư mục này</translation>
    </message>
    <message>
        <source>remember the city&apos;s database on this PostgreSQL server (already set up as the city: this computer joins it), postgresql://USER@HOST:5432/NAME</source>
        <translation>ghi nhớ cơ sở dữ liệu của Thành phố trên máy chủ PostgreSQL này (đã thiết lập cho Thành phố: máy này dùng chung), postgresql://NGƯỜI_DÙNG@MÁY_CHỦ:5432/TÊN</translation>
    </message>
    <message>
        <source>go back to this data folder&apos;s own database file</source>
        <translation>quay về tệp cơ sở dữ liệu riêng của thư mục dữ liệu này</translation>
    </message>
    <message>
        <source>fill an empty database with synthetic demonstration data</source>
        <translation>đưa dữ liệu mẫu (giả lập) vào cơ sở dữ liệu còn trống</translation>
    </message>
    <message>
        <source>random seed (default 39)</source>
        <translation>hạt giống ngẫu nhiên (mặc định 39)</translation>
    </message>
    <message>
        <source>how much data: small, commune or city (default small)</source>
        <translation>quy mô dữ liệu: small (nhỏ), commune (một xã), city (toàn thành phố); mặc định small</translation>
    </message>
    <message>
        <source>check this installation in a temporary folder and print OK</source>
        <translation>kiểm tra bản cài đặt trong thư mục tạm và in OK</translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation>sao lưu cơ sở dữ liệu ngay</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>where to write the backup (default: the backups folder)</source>
        <translation>nơi ghi bản sao lưu (mặc định: thư mục sao lưu)</translation>
    </message>
    <message>
        <source>replace the database with a backup (the current one is kept)</source>
        <translation>thay cơ sở dữ liệu bằng một bản sao lưu (bản hiện tại được giữ lại)</translation>
    </message>
    <message>
        <source>the backup file</source>
        <translation>tệp sao lưu</translation>
    </message>
    <message>
        <source>on a PostgreSQL server: restore even while other connections (TDCS on other computers) use the database</source>
        <translation>với máy chủ PostgreSQL: khôi phục cả khi còn kết nối khác (TDCS trên máy tính khác) đang dùng cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>list the backups in the backups folder, newest first</source>
        <translation>liệt kê các bản sao lưu trong thư mục sao lưu, mới nhất ở trên</translation>
    </message>
    <message>
        <source>commune: the body that issues the plan and loan reports: ubnd (People&apos;s Committee, the default), dang-uy (Party Committee) or mttq (Fatherland Front)</source>
        <translation>xã, phường: cơ quan ban hành báo cáo kế hoạch và khoản vay: ubnd (Ủy ban nhân dân, mặc định), dang-uy (Đảng ủy) hoặc mttq (Ủy ban Mặt trận Tổ quốc)</translation>
    </message>
    <message>
        <source>commune: the body that issues the fund&apos;s reports (default mttq)</source>
        <translation>xã, phường: cơ quan ban hành báo cáo Quỹ “Vì người nghèo” (mặc định mttq)</translation>
    </message>
    <message>
        <source>the body whose signer --signer-name and --signer-title set (default: the body that issues the plan reports; thanh-uy is the city&apos;s yearly report)</source>
        <translation>cơ quan có người ký được đặt bằng --signer-name và --signer-title (mặc định: cơ quan ban hành báo cáo kế hoạch; thanh-uy là báo cáo hằng năm của Thành phố)</translation>
    </message>
    <message>
        <source>the signer&apos;s full name, as printed</source>
        <translation>họ và tên người ký, như in trên văn bản</translation>
    </message>
    <message>
        <source>POSITION</source>
        <translation>CHỨC_VỤ</translation>
    </message>
    <message>
        <source>the signer&apos;s position, e.g. “Chủ tịch”, “Phó Chủ tịch”, “Bí thư”</source>
        <translation>chức vụ người ký, ví dụ “Chủ tịch”, “Phó Chủ tịch”, “Bí thư”</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>the number of the city&apos;s plan for Directive 39, e.g. 215-KH/TU</source>
        <translation>số của Kế hoạch thực hiện Chỉ thị 39 của Thành phố, ví dụ 215-KH/TU</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>NGÀY</translation>
    </message>
    <message>
        <source>the date of that plan, dd/mm/yyyy</source>
        <translation>ngày ban hành Kế hoạch đó, dd/mm/yyyy</translation>
    </message>
    <message>
        <source>The yearly report (before 30/10)</source>
        <translation>Báo cáo hằng năm (trước 30/10)</translation>
    </message>
    <message>
        <source>The fund&apos;s reports</source>
        <translation>Báo cáo Quỹ “Vì người nghèo”</translation>
    </message>
    <message>
        <source>The other reports</source>
        <translation>Các báo cáo khác</translation>
    </message>
    <message>
        <source>The plan and loan reports</source>
        <translation>Báo cáo kế hoạch và khoản vay</translation>
    </message>
    <message>
        <source>{what}: issued by {body} ({key})</source>
        <translation>{what}: do {body} ban hành ({key})</translation>
    </message>
    <message>
        <source>Signers:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <source>(position not set)</source>
        <translation>(chưa ghi chức vụ)</translation>
    </message>
    <message>
        <source>(name not set)</source>
        <translation>(chưa ghi họ tên)</translation>
    </message>
    <message>
        <source>Plan cited: {citation}</source>
        <translation>Kế hoạch được viện dẫn: {citation}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Note: --commune is ignored for the city office.</source>
        <translation>Lưu ý: --commune không dùng cho văn phòng thành phố.</translation>
    </message>
    <message>
        <source>Set up: {office} — {unit} ({code}).</source>
        <translation>Đã thiết lập: {office} — {unit} ({code}).</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Thư mục dữ liệu: {folder}</translation>
    </message>
    <message>
        <source>Key fingerprint: {fingerprint}</source>
        <translation>Mã nhận dạng khóa: {fingerprint}</translation>
    </message>
    <message>
        <source>The password written in the URL was not saved: give it in PostgreSQL&apos;s password file or PGPASSWORD (TDCS asks for it at a terminal).</source>
        <translation>Mật khẩu ghi trong địa chỉ không được lưu: hãy ghi nó vào tệp mật khẩu của PostgreSQL hoặc PGPASSWORD (TDCS hỏi mật khẩu khi chạy trong cửa sổ lệnh).</translation>
    </message>
    <message>
        <source>The data folder remembers the database server {url}; no --database needed.</source>
        <translation>Thư mục dữ liệu đã ghi nhớ máy chủ cơ sở dữ liệu {url}; không cần --database nữa.</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Lỗi: {message}</translation>
    </message>
    <message>
        <source>Password (not shown, not saved): </source>
        <translation>Mật khẩu (không hiện, không lưu): </translation>
    </message>
    <message>
        <source>From now on the database is this folder&apos;s own file: {path}</source>
        <translation>Từ nay cơ sở dữ liệu là tệp riêng của thư mục này: {path}</translation>
    </message>
    <message>
        <source>Database: this folder&apos;s own file {path}</source>
        <translation>Cơ sở dữ liệu: tệp riêng của thư mục này {path}</translation>
    </message>
    <message>
        <source>Database: the PostgreSQL server {url}</source>
        <translation>Cơ sở dữ liệu: máy chủ PostgreSQL {url}</translation>
    </message>
    <message>
        <source>(chosen by the TDCS_DATABASE_URL environment variable)</source>
        <translation>(do biến môi trường TDCS_DATABASE_URL chọn)</translation>
    </message>
    <message>
        <source>(chosen by --database)</source>
        <translation>(do --database chọn)</translation>
    </message>
    <message>
        <source>Demo data written: {count} records.</source>
        <translation>Đã tạo dữ liệu mẫu: {count} bản ghi.</translation>
    </message>
    <message>
        <source>Self-test failed: {reason}</source>
        <translation>Tự kiểm tra không đạt: {reason}</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Đã sao lưu: {path}</translation>
    </message>
    <message>
        <source>Checking the backup {file}…</source>
        <translation>Đang kiểm tra bản sao lưu {file}…</translation>
    </message>
    <message>
        <source>To restore anyway (their unsaved work is lost): {program} restore --force …</source>
        <translation>Để vẫn khôi phục (phần việc chưa lưu trên các máy đó sẽ mất): {program} restore --force …</translation>
    </message>
    <message>
        <source>Restored {file} ({office}). The previous database was backed up first.</source>
        <translation>Đã khôi phục {file} ({office}). Cơ sở dữ liệu trước đó đã được sao lưu trước khi thay.</translation>
    </message>
    <message>
        <source>The data it replaced was kept in {path}.</source>
        <translation>Dữ liệu bị thay thế được giữ lại trong {path}.</translation>
    </message>
    <message>
        <source>There is no backup in {folder} yet.</source>
        <translation>Chưa có bản sao lưu nào trong {folder}.</translation>
    </message>
</context>
<context>
    <name>SetupCommands</name>
    <message>
        <source>The city&apos;s issuing bodies are fixed (the yearly report: the Ban Thường vụ Thành ủy; the fund: the Ủy ban MTTQ; the others: the Ủy ban nhân dân); --issuing-body and --fund-issuing-body are for a commune or ward office.</source>
        <translation>Cơ quan ban hành báo cáo của Thành phố đã cố định (báo cáo hằng năm: Ban Thường vụ Thành ủy; Quỹ: Ủy ban MTTQ; các báo cáo khác: Ủy ban nhân dân); --issuing-body và --fund-issuing-body dành cho văn phòng xã, phường.</translation>
    </message>
    <message>
        <source>The database {url} holds no city office yet: set it up first with tdcs init --mode city --database URL (or in the set-up wizard).</source>
        <translation>Cơ sở dữ liệu {url} chưa có văn phòng Thành phố: hãy thiết lập trước bằng tdcs init --mode city --database URL (hoặc trong trình thiết lập).</translation>
    </message>
</context>
</TS>
