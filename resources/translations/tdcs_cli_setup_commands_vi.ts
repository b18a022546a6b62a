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
        <source>Restored {file} ({office}). The previous database was backed up first.</source>
        <translation>Đã khôi phục {file} ({office}). Cơ sở dữ liệu trước đó đã được sao lưu trước khi thay.</translation>
    </message>
</context>
</TS>
