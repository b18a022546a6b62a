<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>BorrowersTab</name>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>12 digits; may be left empty</source>
        <translation>12 chữ số; có thể để trống</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Đối tượng hộ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Savings-and-loan group</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Borrowers</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Tổ</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Số khoản vay</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
</context>
<context>
    <name>ChecksTab</name>
    <message>
        <source>Contract</source>
        <translation>Số HĐ</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>Ngày giải ngân</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền vay</translation>
    </message>
    <message>
        <source>{contract} — {name}, {programme}, {amount} on {day}</source>
        <translation>{contract} — {name}, {programme}, {amount} ngày {day}</translation>
    </message>
    <message>
        <source>Print the record…</source>
        <translation>In biên bản…</translation>
    </message>
    <message>
        <source>Save the record of the check</source>
        <translation>Lưu biên bản kiểm tra sử dụng vốn vay</translation>
    </message>
    <message>
        <source>Writing the record of the check…</source>
        <translation>Đang ghi biên bản kiểm tra…</translation>
    </message>
    <message>
        <source>The record of the check was saved to {path}</source>
        <translation>Đã lưu biên bản kiểm tra vào {path}</translation>
    </message>
    <message>
        <source>Loan-use check</source>
        <translation>Kiểm tra sử dụng vốn vay</translation>
    </message>
    <message>
        <source>Loan</source>
        <extracomment>Saves the check when it changed, then prints its record.</extracomment>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Choose the loan</source>
        <translation>Chọn khoản vay</translation>
    </message>
    <message>
        <source>Date of the check</source>
        <translation>Ngày kiểm tra</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Đơn vị kiểm tra</translation>
    </message>
    <message>
        <source>Name of who checked</source>
        <translation>Người kiểm tra</translation>
    </message>
    <message>
        <source>Stated use</source>
        <translation>Mục đích theo phương án</translation>
    </message>
    <message>
        <source>Actual use</source>
        <translation>Sử dụng thực tế</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Action required</source>
        <translation>Biện pháp xử lý</translation>
    </message>
    <message>
        <source>e.g. early recovery, check again</source>
        <translation>ví dụ: thu hồi trước hạn, kiểm tra lại</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Ngày kiểm tra lại</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Loan-use checks</source>
        <translation>Kiểm tra sử dụng vốn</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>the check of {day} on the loan of {name}</source>
        <translation>lần kiểm tra ngày {day} khoản vay của {name}</translation>
    </message>
    <message>
        <source>Loans not checked in 12 months</source>
        <translation>Khoản vay chưa kiểm tra trong 12 tháng</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Tổ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Hội đoàn thể</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Kiểm tra gần nhất</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa kiểm tra</translation>
    </message>
    <message>
        <source>Record a check…</source>
        <translation>Ghi kết quả kiểm tra…</translation>
    </message>
</context>
<context>
    <name>GroupsTab</name>
    <message>
        <source>Savings-and-loan group</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Group code</source>
        <translation>Mã tổ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên tổ</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Hội đoàn thể quản lý</translation>
    </message>
    <message>
        <source>Group leader</source>
        <translation>Tổ trưởng</translation>
    </message>
    <message>
        <source>Leader&apos;s phone</source>
        <translation>Điện thoại tổ trưởng</translation>
    </message>
    <message>
        <source>Founding decision no.</source>
        <translation>Số quyết định thành lập</translation>
    </message>
    <message>
        <source>e.g. 125/QĐ-UBND</source>
        <translation>ví dụ: 125/QĐ-UBND</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Yearly grade</source>
        <translation>Xếp loại hằng năm</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Số thành viên</translation>
    </message>
    <message>
        <source>Members&apos; savings</source>
        <translation>Tiền gửi tiết kiệm của thành viên</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>the grade of {year}</source>
        <translation>xếp loại năm {year}</translation>
    </message>
    <message>
        <source>Grades of {group}</source>
        <translation>Xếp loại của {group}</translation>
    </message>
    <message>
        <source>Savings-and-loan groups</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã tổ</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Tổ trưởng</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Latest grade</source>
        <translation>Xếp loại gần nhất</translation>
    </message>
    <message>
        <source>Borrowers with balance</source>
        <translation>Hộ còn dư nợ</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Nợ quá hạn</translation>
    </message>
    <message>
        <source>Grades…</source>
        <translation>Xếp loại…</translation>
    </message>
    <message>
        <source>Members are the borrowers with a loan in the group; borrowers with balance, outstanding and overdue are as of today.</source>
        <translation>Thành viên là những người vay có khoản vay trong tổ; số hộ còn dư nợ, dư nợ và nợ quá hạn tính đến hôm nay.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
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
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Số HĐ</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>{total} rows: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rejected, {skipped} skipped.</source>
        <translation>{total} dòng: {created} nhập mới, {updated} cập nhật, {unchanged} không đổi, {rejected} từ chối, {skipped} bỏ qua.</translation>
    </message>
    <message>
        <source>New groups: {count}.</source>
        <translation>Tổ mới: {count}.</translation>
    </message>
    <message>
        <source>{count} rows with a warning: the data disagree, see the reason.</source>
        <translation>{count} dòng có cảnh báo: số liệu không khớp nhau, xem cột lý do.</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Tất cả các dòng</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Dòng bị từ chối</translation>
    </message>
    <message>
        <source>New loans</source>
        <translation>Khoản vay mới</translation>
    </message>
    <message>
        <source>Updated loans</source>
        <translation>Khoản vay được cập nhật</translation>
    </message>
    <message>
        <source>Rows with a warning</source>
        <translation>Dòng có cảnh báo</translation>
    </message>
    <message>
        <source>Loans not on the list</source>
        <translation>Khoản vay không có trong danh sách</translation>
    </message>
    <message>
        <source>Export the results…</source>
        <translation>Xuất kết quả ra Excel…</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>Dòng {row}: {reason}</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Kết quả nhập danh sách vay</translation>
    </message>
    <message>
        <source>Choose the bank&apos;s list</source>
        <translation>Chọn danh sách của ngân hàng</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) from the bank&apos;s transaction office: one row per loan. Title rows, merged headings and a totals row are fine.</source>
        <translation>Tệp Excel (.xlsx) do Phòng giao dịch NHCSXH gửi, mỗi dòng một khoản vay. Có dòng tiêu đề, ô tiêu đề gộp hay dòng tổng cộng đều được.</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Cách ghép cột</translation>
    </message>
    <message>
        <source>Amounts in</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <source>Balances as of</source>
        <translation>Dư nợ đến ngày</translation>
    </message>
    <message>
        <source>Recognise from the headings</source>
        <translation>Nhận theo tiêu đề cột</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <source>Headings on row {first}–{last}; {count} rows below them; {columns} columns recognised.</source>
        <translation>Tiêu đề cột ở dòng {first}–{last}; {count} dòng dữ liệu; nhận ra {columns} cột.</translation>
    </message>
    <message>
        <source>Saved mapping: {name}.</source>
        <translation>Cách ghép cột đã lưu: {name}.</translation>
    </message>
    <message>
        <source>The title of the list dates its balances {day}.</source>
        <translation>Theo tiêu đề của danh sách, dư nợ tính đến ngày {day}.</translation>
    </message>
    <message>
        <source>Check the columns</source>
        <translation>Kiểm tra các cột</translation>
    </message>
    <message>
        <source>What each column of the list holds. A list of balances (dư nợ) updates the loans already recorded; recording new loans needs more columns.</source>
        <translation>Mỗi cột của danh sách chứa gì. Danh sách dư nợ cập nhật dư nợ các khoản vay đã có; muốn ghi khoản vay mới thì cần thêm cột.</translation>
    </message>
    <message>
        <source>Remember this mapping as</source>
        <extracomment>What each purpose needs, ticked as the columns are chosen.</extracomment>
        <translation>Ghi nhớ cách ghép cột này với tên</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— không nhập —</translation>
    </message>
    <message>
        <source>e.g. {values}</source>
        <translation>ví dụ: {values}</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>cần</translation>
    </message>
    <message>
        <source>may also use</source>
        <translation>có thể dùng thêm</translation>
    </message>
    <message>
        <source>{field} is chosen for two columns ({a} and {b}).</source>
        <translation>{field} đang được chọn cho hai cột ({a} và {b}).</translation>
    </message>
    <message>
        <source>Give the mapping a name.</source>
        <translation>Hãy đặt tên cho cách ghép cột.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>What the import will do, row by row. Nothing is saved until you import.</source>
        <translation>Kết quả sẽ có khi nhập, từng dòng một. Chưa ghi gì cho đến khi bấm Nhập.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Đang kiểm tra từng dòng…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Đang kiểm tra các dòng…</translation>
    </message>
    <message>
        <source>{count} loans that have a balance in TDCS ({outstanding} in all) are not on this list of {day}.</source>
        <translation>{count} khoản vay đang có dư nợ trong TDCS (tổng {outstanding}) không có trong danh sách ngày {day} này.</translation>
    </message>
    <message>
        <source>If the list holds every loan still owing in the commune, they have been paid off: record them as paid off on that date. If it covers only part of the commune (one transaction point, one organisation), keep their balances. They are listed under «Loans not on the list».</source>
        <translation>Nếu danh sách gồm mọi khoản vay còn dư nợ của xã thì các khoản vay này đã trả hết: ghi là đã tất toán vào ngày đó. Nếu danh sách chỉ gồm một phần của xã (một điểm giao dịch, một hội đoàn thể) thì giữ nguyên dư nợ của chúng. Các khoản vay này được liệt kê ở mục «Khoản vay không có trong danh sách».</translation>
    </message>
    <message>
        <source>Record as paid off</source>
        <translation>Ghi là đã tất toán</translation>
    </message>
    <message>
        <source>Keep their balances</source>
        <translation>Giữ nguyên dư nợ</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Imported. The list&apos;s balances are as of {day}.</source>
        <translation>Đã nhập xong. Dư nợ trong danh sách tính đến ngày {day}.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Chưa nhập được gì.</translation>
    </message>
    <message>
        <source>Importing the list…</source>
        <translation>Đang nhập danh sách…</translation>
    </message>
    <message>
        <source>Import a loan list from Excel</source>
        <translation>Nhập danh sách vay từ Excel</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <source>Group of loans</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Loans with balance</source>
        <translation>Món vay còn dư nợ</translation>
    </message>
    <message>
        <source>Borrowers with balance</source>
        <translation>Hộ còn dư nợ</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Nợ quá hạn</translation>
    </message>
    <message>
        <source>Overdue %</source>
        <translation>Tỷ lệ nợ quá hạn</translation>
    </message>
    <message>
        <source>Overdue + frozen</source>
        <translation>Nợ quá hạn + khoanh</translation>
    </message>
    <message>
        <source>Overdue + frozen %</source>
        <translation>Tỷ lệ nợ quá hạn + khoanh</translation>
    </message>
    <message>
        <source>Average per household</source>
        <translation>Dư nợ bình quân/hộ</translation>
    </message>
    <message>
        <source>Loans checked in the year</source>
        <translation>Món vay được kiểm tra trong năm</translation>
    </message>
    <message>
        <source>Used as intended</source>
        <translation>Sử dụng đúng mục đích</translation>
    </message>
    <message>
        <source>Share used as intended</source>
        <translation>Tỷ lệ đúng mục đích</translation>
    </message>
    <message>
        <source>Overdue for</source>
        <translation>Thời gian quá hạn</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Số món vay</translation>
    </message>
    <message>
        <source>Overdue amount</source>
        <translation>Số tiền quá hạn</translation>
    </message>
    <message>
        <source>Share of overdue</source>
        <translation>Tỷ trọng trong nợ quá hạn</translation>
    </message>
    <message>
        <source>As of the chosen date, from each loan&apos;s latest balance on or before it. Overdue % = overdue / outstanding; overdue + frozen % = (overdue + frozen) / outstanding; average per household = outstanding / borrowers with balance; loans checked: at least one check in the year up to that date, used as intended by the latest of them. A borrower with loans in two rows counts in both, once in the total.</source>
        <translation>Tính đến ngày đã chọn, theo số dư gần nhất của từng khoản vay tại ngày đó. Tỷ lệ nợ quá hạn = nợ quá hạn / dư nợ; tỷ lệ nợ quá hạn + khoanh = (nợ quá hạn + nợ khoanh) / dư nợ; dư nợ bình quân/hộ = dư nợ / số hộ còn dư nợ; món vay được kiểm tra: có ít nhất một lần kiểm tra trong năm đến ngày đó, đúng mục đích theo lần kiểm tra gần nhất. Hộ có khoản vay ở hai nhóm được tính ở cả hai nhóm, nhưng chỉ một lần ở dòng tổng cộng.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Checks in year</source>
        <translation>Kiểm tra trong năm</translation>
    </message>
    <message>
        <source>Arrears ageing</source>
        <translation>Nợ quá hạn theo thời gian</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>As of {day}; checks of {year}.</source>
        <translation>Số liệu đến ngày {day}; kiểm tra trong năm {year}.</translation>
    </message>
    <message>
        <source>Loan indicators</source>
        <translation>Chỉ tiêu tín dụng chính sách</translation>
    </message>
</context>
<context>
    <name>LoansPage</name>
    <message>
        <source>Enter a whole number.</source>
        <translation>Nhập một số nguyên.</translation>
    </message>
    <message>
        <source>Search (accents not needed)</source>
        <translation>Tìm kiếm (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>Nothing matches the search.</source>
        <translation>Không có dòng nào khớp với nội dung tìm.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Borrowers</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Savings-and-loan groups</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Organisations&apos; grades</source>
        <translation>Xếp loại ủy thác</translation>
    </message>
    <message>
        <source>Loan-use checks</source>
        <translation>Kiểm tra sử dụng vốn</translation>
    </message>
    <message>
        <source>Not checked in 12 months</source>
        <translation>Chưa kiểm tra 12 tháng</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>LoansTab</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Tổ</translation>
    </message>
    <message>
        <source>{name} is recorded in the group {group}; this loan is in another group.</source>
        <translation>{name} thuộc {group}; khoản vay này đang ghi vào một tổ khác.</translation>
    </message>
    <message>
        <source>{name} is recorded in the group {group}; this loan is in no group.</source>
        <translation>{name} thuộc {group}; khoản vay này chưa ghi vào tổ nào.</translation>
    </message>
    <message>
        <source>The group {group} is run by {organisation}; this loan is under another one.</source>
        <translation>{group} do {organisation} quản lý; khoản vay này đang ghi cho hội đoàn thể khác.</translation>
    </message>
    <message>
        <source>Left empty, the loan is saved under {organisation}, which runs {group}.</source>
        <translation>Nếu để trống, khoản vay được ghi cho {organisation}, hội đoàn thể quản lý {group}.</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Loan of {name}</source>
        <translation>Khoản vay của {name}</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Choose the borrower</source>
        <translation>Chọn người vay</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>Số hợp đồng</translation>
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
        <source>Rate (% a year)</source>
        <translation>Lãi suất (%/năm)</translation>
    </message>
    <message>
        <source>Filled from the programme&apos;s rate on the disbursement date; change it if the contract says otherwise.</source>
        <translation>Điền sẵn theo lãi suất của chương trình tại ngày giải ngân; sửa lại nếu hợp đồng ghi khác.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Hội đoàn thể</translation>
    </message>
    <message>
        <source>Savings-and-loan group</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích sử dụng vốn</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Balance as of a date</source>
        <translation>Số dư tại một ngày</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Overdue since</source>
        <translation>Quá hạn từ ngày</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Số dư</translation>
    </message>
    <message>
        <source>the balance of {day}</source>
        <extracomment>Balances belong to the communes: read only at the city.</extracomment>
        <translation>số dư ngày {day}</translation>
    </message>
    <message>
        <source>Balances of {contract} — {name}</source>
        <translation>Số dư của hợp đồng {contract} — {name}</translation>
    </message>
    <message>
        <source>{programme} · disbursed {amount} on {day} · matures {maturity}</source>
        <translation>{programme} · giải ngân {amount} ngày {day} · đến hạn {maturity}</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Số HĐ</translation>
    </message>
    <message>
        <source>Rate a year</source>
        <translation>Lãi suất/năm</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền vay</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>Ngày giải ngân</translation>
    </message>
    <message>
        <source>Matures</source>
        <translation>Ngày đến hạn</translation>
    </message>
    <message>
        <source>Balance as of</source>
        <translation>Số dư ngày</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Nợ quá hạn</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Nợ khoanh</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Kiểm tra gần nhất</translation>
    </message>
    <message>
        <source>Situation as of</source>
        <translation>Số liệu đến ngày</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>Balance history…</source>
        <translation>Lịch sử số dư…</translation>
    </message>
    <message>
        <source>Record a check…</source>
        <translation>Ghi kết quả kiểm tra…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>the loan {contract} of {name}</source>
        <translation>khoản vay {contract} của {name}</translation>
    </message>
</context>
<context>
    <name>OrganisationGradesTab</name>
    <message>
        <source>Grade of an organisation&apos;s work</source>
        <translation>Xếp loại hoạt động nhận ủy thác</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <source>e.g. the score, or the notice of the bank&apos;s transaction office that gave the grade</source>
        <translation>Ví dụ: số điểm, hoặc thông báo của Phòng giao dịch NHCSXH về kết quả xếp loại</translation>
    </message>
    <message>
        <source>Grades of the entrusted organisations</source>
        <translation>Xếp loại hoạt động nhận ủy thác của các tổ chức chính trị - xã hội</translation>
    </message>
    <message>
        <source>One grade per organisation and year: tốt, khá, trung bình or yếu, as the yearly review of the entrusted work gave it. The grades travel to the city with the sync file.</source>
        <translation>Mỗi tổ chức mỗi năm một kết quả xếp loại: tốt, khá, trung bình hoặc yếu, theo kết quả đánh giá hoạt động nhận ủy thác hằng năm. Kết quả xếp loại được gửi về thành phố cùng tệp đồng bộ.</translation>
    </message>
    <message>
        <source>the {year} grade of {organisation}</source>
        <translation>xếp loại năm {year} của {organisation}</translation>
    </message>
</context>
</TS>
