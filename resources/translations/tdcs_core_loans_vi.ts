<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Balances</name>
    <message>
        <source>Current (trong hạn)</source>
        <extracomment>The amount columns of a snapshot that make up the outstanding balance, in display order.</extracomment>
        <translation>Nợ trong hạn</translation>
    </message>
    <message>
        <source>Overdue (quá hạn)</source>
        <translation>Nợ quá hạn</translation>
    </message>
    <message>
        <source>Frozen (khoanh)</source>
        <translation>Nợ khoanh</translation>
    </message>
    <message>
        <source>Awaiting decision (chờ xử lý)</source>
        <translation>Nợ chờ xử lý</translation>
    </message>
    <message>
        <source>Extended (gia hạn)</source>
        <translation>Nợ gia hạn</translation>
    </message>
    <message>
        <source>Rescheduled (điều chỉnh kỳ hạn)</source>
        <translation>Nợ điều chỉnh kỳ hạn</translation>
    </message>
    <message>
        <source>Written off (xóa nợ)</source>
        <translation>Nợ đã xóa</translation>
    </message>
    <message>
        <source>This loan already has a balance on {day}; change that one instead.</source>
        <translation>Khoản vay đã có số dư ngày {day}; hãy sửa số dư đó.</translation>
    </message>
    <message>
        <source>A balance cannot be dated before the disbursement ({day}).</source>
        <translation>Ngày số dư không được trước ngày giải ngân ({day}).</translation>
    </message>
    <message>
        <source>The outstanding balance ({total}) is more than the amount disbursed ({amount}).</source>
        <translation>Dư nợ ({total}) lớn hơn số tiền giải ngân ({amount}).</translation>
    </message>
    <message>
        <source>Leave this empty when nothing is overdue.</source>
        <translation>Để trống khi không có nợ quá hạn.</translation>
    </message>
    <message>
        <source>Overdue since must be between the disbursement ({start}) and the balance date.</source>
        <translation>Ngày quá hạn phải từ ngày giải ngân ({start}) đến ngày số dư.</translation>
    </message>
    <message>
        <source>A balance cannot be dated in the future.</source>
        <translation>Ngày số dư không được sau ngày hôm nay.</translation>
    </message>
</context>
<context>
    <name>Borrowers</name>
    <message>
        <source>This citizen ID is already recorded for {name}.</source>
        <translation>Số CCCD này đã ghi cho {name}.</translation>
    </message>
    <message>
        <source>{name} still has {count} loans. Delete the loans first.</source>
        <translation>{name} còn {count} khoản vay. Hãy xóa các khoản vay trước.</translation>
    </message>
</context>
<context>
    <name>CheckRecords</name>
    <message>
        <source>The commune has no savings-and-loan group with the code or name {group}.</source>
        <translation>Xã, phường không có Tổ TK&amp;VV nào có mã hoặc tên {group}.</translation>
    </message>
    <message>
        <source>This loan-use check no longer exists.</source>
        <translation>Lần kiểm tra sử dụng vốn vay này không còn nữa.</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>The check cannot be before the disbursement ({day}).</source>
        <translation>Ngày kiểm tra không được trước ngày giải ngân ({day}).</translation>
    </message>
    <message>
        <source>A check cannot be dated in the future.</source>
        <translation>Ngày kiểm tra không được sau ngày hôm nay.</translation>
    </message>
    <message>
        <source>Choose the loan that was checked.</source>
        <translation>Chọn khoản vay được kiểm tra.</translation>
    </message>
</context>
<context>
    <name>ExcelImport</name>
    <message>
        <source>Bank lists are imported by the commune or ward that supervises the loans; the city receives them in the communes&apos; sync files.</source>
        <translation>Danh sách của ngân hàng do xã, phường quản lý khoản vay nhập; thành phố nhận số liệu qua tệp đồng bộ của các xã, phường.</translation>
    </message>
    <message>
        <source>Choose the column of: {fields}. These are needed for every loan.</source>
        <translation>Hãy chọn cột cho: {fields}. Khoản vay nào cũng cần các thông tin này.</translation>
    </message>
    <message>
        <source>The columns chosen are not enough. To record new loans, choose the column of: {loans}. To update the balances of loans already recorded, choose the column of: {balances}.</source>
        <translation>Các cột đã chọn chưa đủ. Để ghi khoản vay mới, hãy chọn cột cho: {loans}. Để cập nhật dư nợ của các khoản vay đã có, hãy chọn cột cho: {balances}.</translation>
    </message>
    <message>
        <source>The list has balances but no date for them. Give the date of the figures (for example 31/12/2025).</source>
        <translation>Danh sách có dư nợ nhưng không ghi ngày số liệu. Hãy nhập ngày số liệu (ví dụ 31/12/2025).</translation>
    </message>
    <message>
        <source>The list has {fields} but no column for the outstanding balance (Dư nợ) or its current part (Trong hạn), so how much each borrower owes cannot be known. Choose that column.</source>
        <translation>Danh sách có {fields} nhưng không có cột dư nợ (Dư nợ) hoặc nợ trong hạn (Trong hạn), nên không biết mỗi người vay còn nợ bao nhiêu. Hãy chọn cột đó.</translation>
    </message>
    <message>
        <source>Column {column} «{heading}» holds balances, not the amount disbursed. Choose «{field}» for it; the amount disbursed may stay unknown.</source>
        <translation>Cột {column} «{heading}» là số dư, không phải số tiền giải ngân. Hãy chọn «{field}» cho cột này; số tiền giải ngân có thể để trống (chưa rõ).</translation>
    </message>
    <message>
        <source>The saved mapping took column {column} «{heading}» for the amount disbursed; it is read as «{field}» now.</source>
        <translation>Cách ghép cột đã lưu lấy cột {column} «{heading}» làm số tiền giải ngân; nay cột này được đọc là «{field}».</translation>
    </message>
    <message>
        <source>The sheet {sheet} has no data rows under its headings.</source>
        <translation>Trang tính {sheet} không có dòng dữ liệu nào dưới dòng tiêu đề.</translation>
    </message>
    <message>
        <source>Contract number or citizen ID</source>
        <translation>Số hợp đồng hoặc số CCCD</translation>
    </message>
    <message>
        <source>Outstanding balance (or its current part)</source>
        <translation>Dư nợ (hoặc nợ trong hạn)</translation>
    </message>
    <message>
        <source>Date of the balances</source>
        <translation>Ngày số liệu dư nợ</translation>
    </message>
    <message>
        <source>Record new loans</source>
        <translation>Ghi khoản vay mới</translation>
    </message>
    <message>
        <source>Update balances</source>
        <translation>Cập nhật dư nợ</translation>
    </message>
    <message>
        <source>The column {column} is chosen for two fields: {fields}.</source>
        <translation>Cột {column} đang được chọn cho hai thông tin: {fields}.</translation>
    </message>
    <message>
        <source>Neither a contract number nor a citizen ID: the loan could not be recognised when the list is imported again.</source>
        <translation>Không có số hợp đồng, cũng không có số CCCD: khi nhập lại danh sách sẽ không nhận ra được khoản vay này.</translation>
    </message>
    <message>
        <source>Unknown programme «{value}».</source>
        <translation>Không nhận ra chương trình cho vay «{value}».</translation>
    </message>
    <message>
        <source>Unknown organisation «{value}».</source>
        <translation>Không nhận ra tổ chức hội, đoàn thể «{value}».</translation>
    </message>
    <message>
        <source>The hamlet «{value}» is not in the commune&apos;s list; add it in Settings, then import again.</source>
        <translation>Ấp, khu vực «{value}» chưa có trong danh sách của xã, phường; hãy thêm ở mục Cài đặt rồi nhập lại.</translation>
    </message>
    <message>
        <source>The same loan is already on row {row} of this list.</source>
        <translation>Khoản vay này đã có ở dòng {row} của danh sách.</translation>
    </message>
    <message>
        <source>Contract {contract} is recorded for {name} (citizen ID {cid}), not for this citizen ID.</source>
        <translation>Hợp đồng {contract} đã ghi cho {name} (CCCD {cid}), không phải người có số CCCD này.</translation>
    </message>
    <message>
        <source>Citizen ID {cid} is recorded for {name}, not for {other}.</source>
        <translation>Số CCCD {cid} đã ghi cho {name}, không phải {other}.</translation>
    </message>
    <message>
        <source>The loan is not recorded yet, and the list has no column for {fields} to record it.</source>
        <translation>Khoản vay này chưa có trong TDCS, mà danh sách không có cột {fields} để ghi mới.</translation>
    </message>
    <message>
        <source>Disbursed on {day}, after the date of the balances ({as_of}).</source>
        <translation>Giải ngân ngày {day}, sau ngày số liệu dư nợ ({as_of}).</translation>
    </message>
    <message>
        <source>The debt categories add up to {parts} but the outstanding balance is {total}.</source>
        <translation>Các loại nợ cộng lại được {parts} nhưng dư nợ là {total}.</translation>
    </message>
    <message>
        <source>Overdue, frozen and other categories ({parts}) exceed the outstanding balance ({total}).</source>
        <translation>Nợ quá hạn, nợ khoanh và các loại khác ({parts}) lớn hơn dư nợ ({total}).</translation>
    </message>
    <message>
        <source>The amount {amount} is too small for a loan: is the list in thousands or millions of đồng? Choose the unit of the list.</source>
        <translation>Số tiền {amount} quá nhỏ đối với một khoản vay: danh sách có tính bằng nghìn hoặc triệu đồng không? Hãy chọn đơn vị tính của danh sách.</translation>
    </message>
    <message>
        <source>The list gives {stated} as the year of birth, the citizen ID {cid} says {id_year}: recorded as the ID says; check the borrower&apos;s papers.</source>
        <translation>Danh sách ghi năm sinh {stated}, số CCCD {cid} cho biết {id_year}: đã ghi theo số CCCD; hãy kiểm tra lại giấy tờ của người vay.</translation>
    </message>
    <message>
        <source>The list gives the sex as {stated}, the citizen ID {cid} says {id_sex}: recorded as the ID says; check the borrower&apos;s papers.</source>
        <translation>Danh sách ghi giới tính {stated}, số CCCD {cid} cho biết {id_sex}: đã ghi theo số CCCD; hãy kiểm tra lại giấy tờ của người vay.</translation>
    </message>
    <message>
        <source>The organisation column says {stated}, the group «{group}» belongs to {group_org}: the loan is recorded under {stated}; check which is right.</source>
        <translation>Cột hội đoàn thể ghi {stated}, còn tổ «{group}» thuộc {group_org}: khoản vay được ghi theo {stated}; hãy kiểm tra lại bên nào đúng.</translation>
    </message>
    <message>
        <source>Totals row.</source>
        <translation>Dòng tổng cộng.</translation>
    </message>
    <message>
        <source>Heading row inside the table.</source>
        <translation>Dòng tiêu đề trong bảng.</translation>
    </message>
    <message>
        <source>Text only, no loan: no contract number, citizen ID, amount or date.</source>
        <translation>Dòng chỉ có chữ, không phải khoản vay: không có số hợp đồng, số CCCD, số tiền hay ngày.</translation>
    </message>
    <message>
        <source>Under the list&apos;s totals row (place, date, signatures).</source>
        <translation>Nằm dưới dòng tổng cộng của danh sách (địa danh, ngày tháng, chữ ký).</translation>
    </message>
    <message>
        <source>Changed: {fields}.</source>
        <translation>Đã thay đổi: {fields}.</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Đang kiểm tra các dòng…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang ghi…</translation>
    </message>
    <message>
        <source>Paid off: not on the bank&apos;s list of loans still owing of {day} ({file}).</source>
        <translation>Đã tất toán: không có trong danh sách dư nợ ngày {day} của ngân hàng ({file}).</translation>
    </message>
    <message>
        <source>male</source>
        <translation>nam</translation>
    </message>
    <message>
        <source>female</source>
        <translation>nữ</translation>
    </message>
    <message>
        <source>Not on this list; its last balance ({outstanding} on {day}) is kept.</source>
        <translation>Không có trong danh sách này; giữ nguyên dư nợ gần nhất ({outstanding} ngày {day}).</translation>
    </message>
    <message>
        <source>Not on this list: recorded as paid off on {as_of} (its last balance was {outstanding} on {day}).</source>
        <translation>Không có trong danh sách này: đã ghi tất toán ngày {as_of} (dư nợ gần nhất {outstanding} ngày {day}).</translation>
    </message>
    <message>
        <source>Balances on {day} taken from the list: {loans} loans, outstanding {outstanding}, overdue {overdue} ({ratio}).</source>
        <translation>Dư nợ ngày {day} nhận từ danh sách: {loans} khoản vay, dư nợ {outstanding}, quá hạn {overdue} ({ratio}).</translation>
    </message>
    <message>
        <source>They match the list&apos;s totals row.</source>
        <translation>Khớp với dòng tổng cộng của danh sách.</translation>
    </message>
    <message>
        <source>The list&apos;s totals row says outstanding {outstanding}, overdue {overdue}: check the rejected rows.</source>
        <translation>Dòng tổng cộng của danh sách ghi dư nợ {outstanding}, quá hạn {overdue}: hãy xem các dòng bị từ chối.</translation>
    </message>
    <message>
        <source>{count} loans with a balance in TDCS ({outstanding} in all) are not on this list.</source>
        <translation>{count} khoản vay đang có dư nợ trong TDCS (tổng {outstanding}) không có trong danh sách này.</translation>
    </message>
    <message>
        <source>{count} loans with a balance in TDCS ({outstanding} in all) are not on this list: recorded as paid off on {day}.</source>
        <translation>{count} khoản vay đang có dư nợ trong TDCS (tổng {outstanding}) không có trong danh sách này: đã ghi tất toán ngày {day}.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Nhập mới</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Not on the list</source>
        <translation>Không có trong danh sách</translation>
    </message>
    <message>
        <source>Paid off</source>
        <translation>Đã tất toán</translation>
    </message>
    <message>
        <source>borrower</source>
        <translation>người vay</translation>
    </message>
    <message>
        <source>loan</source>
        <translation>khoản vay</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>số dư</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <extracomment>Headings are looked for in the first rows only. A list larger than this is not a commune&apos;s list (and would exhaust memory). Rows formatted far below the table end the reading after this many blank rows. What the parts of a workbook may unpack to, as its ZIP directory declares (Python&apos;s ``zipfile`` never unpacks more than a member declares: it stops there with an error). A sheet is streamed, so it may be large; the shared strings and the other parts are read whole, so they may not. One row of a sheet (16 384 cells at most in Excel) is never this long.</extracomment>
        <translation>Không có tệp {path}.</translation>
    </message>
    <message>
        <source>{path} is an old Excel 97-2003 (.xls) file or is protected by a password. Open it in Excel, remove any password and save it as an Excel Workbook (.xlsx), then import that file.</source>
        <translation>{path} là tệp Excel 97-2003 (.xls) cũ hoặc có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (nếu có) và lưu lại dạng Excel Workbook (.xlsx), rồi nhập tệp đó.</translation>
    </message>
    <message>
        <source>{path} is not an Excel workbook (.xlsx) or it is damaged.</source>
        <translation>{path} không phải sổ tính Excel (.xlsx) hoặc tệp đã bị hỏng.</translation>
    </message>
    <message>
        <source>{path} is too large to be a loan list.</source>
        <translation>{path} quá lớn, không phải một danh sách vay.</translation>
    </message>
    <message>
        <source>{path} unpacks to {size} MB ({part}), far more than a loan list needs; it was not read. Open it in Excel, keep only the list, and save it again.</source>
        <translation>{path} khi giải nén sẽ thành {size} MB ({part}), lớn hơn nhiều so với một danh sách khoản vay nên không được đọc. Hãy mở tệp bằng Excel, chỉ giữ lại danh sách rồi lưu lại.</translation>
    </message>
    <message>
        <source>The workbook has no sheet named {sheet}. Its sheets: {sheets}.</source>
        <translation>Tệp không có trang tính tên {sheet}. Các trang tính có trong tệp: {sheets}.</translation>
    </message>
    <message>
        <source>No row of column headings was found in the sheet {sheet} (looked for headings such as Họ và tên, Số CCCD, Chương trình, Số tiền vay, Ngày giải ngân in the first {rows} rows).</source>
        <translation>Không tìm thấy dòng tiêu đề cột trong trang tính {sheet} (đã tìm các tiêu đề như Họ và tên, Số CCCD, Chương trình, Số tiền vay, Ngày giải ngân trong {rows} dòng đầu).</translation>
    </message>
    <message>
        <source>The sheet has more than {limit} rows; split the list into smaller files.</source>
        <translation>Trang tính có hơn {limit} dòng; hãy tách danh sách thành các tệp nhỏ hơn.</translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation>Đang đọc trang tính…</translation>
    </message>
    <message>
        <source>«{value}» is not an amount.</source>
        <translation>«{value}» không phải là số tiền.</translation>
    </message>
    <message>
        <source>«{value}» is not a whole number of đồng.</source>
        <translation>«{value}» không phải số đồng chẵn.</translation>
    </message>
    <message>
        <source>«{value}» is not a date (day/month/year, e.g. 05/02/2026).</source>
        <translation>«{value}» không phải là ngày (ngày/tháng/năm, ví dụ 05/02/2026).</translation>
    </message>
    <message>
        <source>«{value}» is not a year of birth.</source>
        <translation>«{value}» không phải là năm sinh.</translation>
    </message>
    <message>
        <source>«{value}» is not a sex (Nam / Nữ).</source>
        <translation>«{value}» không phải là giới tính (Nam / Nữ).</translation>
    </message>
    <message>
        <source>«{value}» is not an interest rate.</source>
        <translation>«{value}» không phải là lãi suất.</translation>
    </message>
    <message>
        <source>«{value}» is negative.</source>
        <translation>«{value}» là số âm.</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Another group already has the code {code}.</source>
        <translation>Đã có tổ khác mang mã {code}.</translation>
    </message>
    <message>
        <source>The group still has {loans} loans and {borrowers} borrowers. Move them to another group first, or mark the group as merged or dissolved.</source>
        <translation>Tổ còn {loans} khoản vay và {borrowers} người vay. Hãy chuyển sang tổ khác trước, hoặc ghi tình trạng tổ là đã sáp nhập hay giải thể.</translation>
    </message>
    <message>
        <source>The group already has a grade for {year}.</source>
        <translation>Tổ đã được xếp loại năm {year}.</translation>
    </message>
    <message>
        <source>The number of members must be between {low} and {high}.</source>
        <translation>Số thành viên phải từ {low} đến {high}.</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Contract number</source>
        <translation>Số hợp đồng</translation>
    </message>
    <message>
        <source>Borrower&apos;s full name</source>
        <translation>Họ tên người vay</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Year (or date) of birth</source>
        <translation>Năm (hoặc ngày) sinh</translation>
    </message>
    <message>
        <source>Year of birth — men</source>
        <translation>Năm sinh — nam</translation>
    </message>
    <message>
        <source>Year of birth — women</source>
        <translation>Năm sinh — nữ</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Hamlet (ấp / khu vực)</source>
        <translation>Ấp / khu vực</translation>
    </message>
    <message>
        <source>Household category</source>
        <translation>Đối tượng hộ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Group code</source>
        <translation>Mã tổ</translation>
    </message>
    <message>
        <source>Savings-and-loan group</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Entrusted organisation</source>
        <translation>Tổ chức hội nhận ủy thác</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Amount disbursed</source>
        <translation>Số tiền giải ngân</translation>
    </message>
    <message>
        <source>Disbursement date</source>
        <translation>Ngày giải ngân</translation>
    </message>
    <message>
        <source>Maturity date</source>
        <translation>Ngày đến hạn</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích sử dụng vốn</translation>
    </message>
    <message>
        <source>Interest rate</source>
        <translation>Lãi suất</translation>
    </message>
    <message>
        <source>Balance date</source>
        <translation>Ngày số liệu</translation>
    </message>
    <message>
        <source>Outstanding balance (total)</source>
        <translation>Dư nợ (tổng)</translation>
    </message>
    <message>
        <source>Current (trong hạn)</source>
        <translation>Nợ trong hạn</translation>
    </message>
    <message>
        <source>Overdue (quá hạn)</source>
        <translation>Nợ quá hạn</translation>
    </message>
    <message>
        <source>Frozen (khoanh)</source>
        <translation>Nợ khoanh</translation>
    </message>
    <message>
        <source>Awaiting decision (chờ xử lý)</source>
        <translation>Nợ chờ xử lý</translation>
    </message>
    <message>
        <source>Extended (gia hạn)</source>
        <translation>Nợ gia hạn</translation>
    </message>
    <message>
        <source>Rescheduled (điều chỉnh kỳ hạn)</source>
        <translation>Nợ điều chỉnh kỳ hạn</translation>
    </message>
    <message>
        <source>Written off (xóa nợ)</source>
        <translation>Nợ đã xóa</translation>
    </message>
    <message>
        <source>Overdue since</source>
        <translation>Quá hạn từ ngày</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <source>By programme</source>
        <translation>Theo chương trình</translation>
    </message>
    <message>
        <source>By organisation</source>
        <translation>Theo tổ chức hội</translation>
    </message>
    <message>
        <source>By savings-and-loan group</source>
        <translation>Theo Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>By hamlet</source>
        <translation>Theo ấp, khu vực</translation>
    </message>
    <message>
        <source>By commune</source>
        <translation>Theo xã, phường</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(chưa ghi)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>Up to 90 days</source>
        <translation>Đến 90 ngày</translation>
    </message>
    <message>
        <source>91 to 180 days</source>
        <translation>Từ 91 đến 180 ngày</translation>
    </message>
    <message>
        <source>181 to 365 days</source>
        <translation>Từ 181 đến 365 ngày</translation>
    </message>
    <message>
        <source>More than 365 days</source>
        <translation>Trên 365 ngày</translation>
    </message>
    <message>
        <source>Age not known</source>
        <translation>Chưa rõ thời gian</translation>
    </message>
</context>
<context>
    <name>Loans</name>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Hãy chọn một giá trị trong danh sách.</translation>
    </message>
    <message>
        <source>The programme {name} is no longer offered; choose another one.</source>
        <translation>Chương trình {name} không còn cho vay; hãy chọn chương trình khác.</translation>
    </message>
    <message>
        <source>Contract number {number} is already recorded (loan of {name}).</source>
        <translation>Số hợp đồng {number} đã có (khoản vay của {name}).</translation>
    </message>
    <message>
        <source>The loan has balances dated before {day}; the disbursement cannot be later.</source>
        <translation>Khoản vay có số dư trước ngày {day}; ngày giải ngân không thể muộn hơn.</translation>
    </message>
    <message>
        <source>A recorded balance is larger than this amount; the amount cannot be smaller.</source>
        <translation>Đã có số dư lớn hơn số tiền này; số tiền giải ngân không thể nhỏ hơn.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>chưa rõ</translation>
    </message>
</context>
<context>
    <name>OrganisationGrades</name>
    <message>
        <source>{organisation} already has a grade for {year}; change that one.</source>
        <translation>{organisation} đã có xếp loại năm {year}; hãy sửa xếp loại đó.</translation>
    </message>
    <message>
        <source>{year} has not begun: grades are given for a year that has begun.</source>
        <translation>Năm {year} chưa bắt đầu: chỉ xếp loại cho năm đã bắt đầu.</translation>
    </message>
</context>
</TS>
