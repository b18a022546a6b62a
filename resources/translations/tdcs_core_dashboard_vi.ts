<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>History</name>
    <message>
        <source>Hamlet</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Savings-and-loan group</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Group assessment</source>
        <translation>Xếp loại tổ</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Loan balance</source>
        <translation>Dư nợ khoản vay</translation>
    </message>
    <message>
        <source>Loan-use check</source>
        <translation>Kiểm tra sử dụng vốn vay</translation>
    </message>
    <message>
        <source>Office sub-task</source>
        <translation>Nhiệm vụ của đơn vị</translation>
    </message>
    <message>
        <source>Task progress</source>
        <translation>Tiến độ nhiệm vụ</translation>
    </message>
    <message>
        <source>Document issued</source>
        <translation>Văn bản ban hành</translation>
    </message>
    <message>
        <source>Fund contribution</source>
        <translation>Đóng góp Quỹ</translation>
    </message>
    <message>
        <source>Fund spending</source>
        <translation>Chi hỗ trợ từ Quỹ</translation>
    </message>
    <message>
        <source>Fund opening balance</source>
        <translation>Số dư đầu năm của Quỹ</translation>
    </message>
    <message>
        <source>Deposit or sponsorship</source>
        <translation>Tiền gửi, tài trợ</translation>
    </message>
    <message>
        <source>Entrusted capital transfer</source>
        <translation>Chuyển vốn ủy thác</translation>
    </message>
    <message>
        <source>Total capital</source>
        <translation>Tổng nguồn vốn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang sử dụng</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Thứ tự</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Plan task</source>
        <translation>Nhiệm vụ kế hoạch</translation>
    </message>
    <message>
        <source>Sub-task</source>
        <translation>Nhiệm vụ của đơn vị</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên nhiệm vụ</translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation>Loại kỳ</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Period number</source>
        <translation>Số kỳ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Percent done</source>
        <translation>Tỷ lệ hoàn thành</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Kết quả thực hiện</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Difficulties</source>
        <translation>Khó khăn, vướng mắc</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Đề xuất, kiến nghị</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Ngày báo cáo</translation>
    </message>
    <message>
        <source>Progress record</source>
        <translation>Báo cáo tiến độ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <source>Date issued</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Người, đơn vị đóng góp</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>Đối tượng đóng góp</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Gift in kind</source>
        <translation>Hiện vật, công trình</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Số biên nhận</translation>
    </message>
    <message>
        <source>Campaign year</source>
        <translation>Năm vận động</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người, hộ nhận hỗ trợ</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Nội dung hỗ trợ</translation>
    </message>
    <message>
        <source>Date paid</source>
        <translation>Ngày chi</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Depositor or sponsor</source>
        <translation>Người gửi, nhà tài trợ</translation>
    </message>
    <message>
        <source>Organisation or individual</source>
        <translation>Tổ chức hay cá nhân</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Kỳ hạn (tháng)</translation>
    </message>
    <message>
        <source>Budget level</source>
        <translation>Cấp ngân sách</translation>
    </message>
    <message>
        <source>Date transferred</source>
        <translation>Ngày chuyển vốn</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình cho vay</translation>
    </message>
    <message>
        <source>Entrusted balance</source>
        <translation>Số dư vốn ủy thác</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Số liệu đến ngày</translation>
    </message>
    <message>
        <source>Source of the figures</source>
        <translation>Nguồn số liệu</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>The yearly report on Directive 39-CT/TW is due before {due} ({days} days left): send this office&apos;s figures to the city in good time.</source>
        <extracomment>Reports are due before this day and month.</extracomment>
        <translation>Báo cáo năm về thực hiện Chỉ thị 39-CT/TW phải hoàn thành trước ngày {due} (còn {days} ngày): đề nghị gửi số liệu của đơn vị về thành phố đúng hạn.</translation>
    </message>
    <message>
        <source>The city&apos;s yearly report on Directive 39-CT/TW must reach the Central Policy and Strategy Commission before {due} ({days} days left).</source>
        <translation>Báo cáo hằng năm của thành phố về thực hiện Chỉ thị 39-CT/TW phải gửi Ban Chính sách, chiến lược Trung ương trước ngày {due} (còn {days} ngày).</translation>
    </message>
    <message>
        <source>The peak month of the &quot;Vì người nghèo&quot; fund campaign starts on {start} ({days} days left) and runs until {end}.</source>
        <translation>Tháng cao điểm vận động Quỹ “Vì người nghèo” bắt đầu từ ngày {start} (còn {days} ngày) đến ngày {end}.</translation>
    </message>
    <message>
        <source>The peak month of the &quot;Vì người nghèo&quot; fund campaign is under way until {end} ({days} days left).</source>
        <translation>Đang trong tháng cao điểm vận động Quỹ “Vì người nghèo”, kéo dài đến ngày {end} (còn {days} ngày).</translation>
    </message>
</context>
</TS>
