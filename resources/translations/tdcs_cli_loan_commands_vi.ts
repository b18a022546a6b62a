<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>import a loan list (.xlsx) from the bank&apos;s transaction office</source>
        <translation>nhập danh sách vay (.xlsx) do Phòng giao dịch NHCSXH gửi</translation>
    </message>
    <message>
        <source>Import a loan list (.xlsx) from the bank&apos;s transaction office: borrowers, loans and their balances. Importing the same list again updates it instead of adding it twice. Every row gets a result; rejected rows say why.</source>
        <translation>Nhập danh sách vay (.xlsx) do Phòng giao dịch NHCSXH gửi: người vay, khoản vay và dư nợ. Nhập lại cùng danh sách sẽ cập nhật chứ không thêm trùng. Mỗi dòng đều có kết quả; dòng bị từ chối có ghi lý do.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>the Excel workbook</source>
        <translation>tệp Excel</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>the sheet to read</source>
        <translation>trang tính cần đọc</translation>
    </message>
    <message>
        <source>use the saved column mapping NAME (saved under NAME after the import if new)</source>
        <translation>dùng cách ghép cột đã lưu tên TÊN (nếu chưa có thì lưu với tên đó sau khi nhập)</translation>
    </message>
    <message>
        <source>check every row and show the results without saving anything</source>
        <translation>kiểm tra từng dòng và in kết quả, không ghi gì vào dữ liệu</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>NGÀY</translation>
    </message>
    <message>
        <source>date of the balances (dd/mm/yyyy) when the list&apos;s title does not say it</source>
        <translation>ngày số liệu dư nợ (dd/mm/yyyy) khi tiêu đề danh sách không ghi</translation>
    </message>
    <message>
        <source>record the loans with a balance that a list of balances leaves out as paid off on the list&apos;s date (only when the list holds every loan still owing in the commune)</source>
        <translation>ghi các khoản vay còn dư nợ mà danh sách dư nợ không có là đã tất toán vào ngày của danh sách (chỉ khi danh sách gồm mọi khoản vay còn dư nợ của xã)</translation>
    </message>
    <message>
        <source>money unit of the list: dong, nghin (thousand) or trieu (million) đồng</source>
        <translation>đơn vị tiền của danh sách: dong (đồng), nghin (nghìn đồng) hoặc trieu (triệu đồng)</translation>
    </message>
    <message>
        <source>Note: no saved mapping {name}; the columns are recognised from the headings and saved under that name.</source>
        <translation>Lưu ý: chưa có cách ghép cột tên {name}; các cột được nhận theo tiêu đề và sẽ lưu với tên này.</translation>
    </message>
    <message>
        <source>Error: no row of the list could be imported.</source>
        <translation>Lỗi: không nhập được dòng nào của danh sách.</translation>
    </message>
    <message>
        <source>Sheet: {sheet} (headings on row {rows}); {count} rows.</source>
        <translation>Trang tính: {sheet} (tiêu đề cột ở dòng {rows}); {count} dòng.</translation>
    </message>
    <message>
        <source>Column mapping: {name}</source>
        <translation>Cách ghép cột: {name}</translation>
    </message>
    <message>
        <source>đồng</source>
        <translation>đồng</translation>
    </message>
    <message>
        <source>thousand đồng</source>
        <translation>nghìn đồng</translation>
    </message>
    <message>
        <source>million đồng</source>
        <translation>triệu đồng</translation>
    </message>
    <message>
        <source>Money unit: {unit}</source>
        <translation>Đơn vị tiền: {unit}</translation>
    </message>
    <message>
        <source>Balances as of: {day}</source>
        <translation>Dư nợ đến ngày: {day}</translation>
    </message>
    <message>
        <source>Row {row}: {outcome}</source>
        <translation>Dòng {row}: {outcome}</translation>
    </message>
    <message>
        <source>Not on the list: {contract} {name}: {reason}</source>
        <translation>Không có trong danh sách: {contract} {name}: {reason}</translation>
    </message>
    <message>
        <source>Total {total} rows: {created} imported, {updated} updated, {unchanged} unchanged, {rejected} rejected, {skipped} skipped.</source>
        <translation>Tổng {total} dòng: nhập mới {created}, cập nhật {updated}, không đổi {unchanged}, từ chối {rejected}, bỏ qua {skipped}.</translation>
    </message>
    <message>
        <source>New savings-and-loan groups: {count}.</source>
        <translation>Tổ TK&amp;VV mới: {count}.</translation>
    </message>
    <message>
        <source>{count} rows with a warning: the data disagree, see the rows above.</source>
        <translation>{count} dòng có cảnh báo: số liệu không khớp nhau, xem các dòng ở trên.</translation>
    </message>
    <message>
        <source>If the list holds every loan still owing in the commune, those loans have been paid off: import it again with --settle-missing to record them as paid off on {day}.</source>
        <translation>Nếu danh sách gồm mọi khoản vay còn dư nợ của xã thì các khoản vay đó đã trả hết: nhập lại với --settle-missing để ghi chúng là đã tất toán ngày {day}.</translation>
    </message>
    <message>
        <source>Trial run (--dry-run): nothing was saved.</source>
        <translation>Chạy thử (--dry-run): chưa ghi gì vào dữ liệu.</translation>
    </message>
</context>
</TS>
