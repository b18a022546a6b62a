<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Charts</name>
    <message>
        <source>billion đ</source>
        <translation>tỷ đồng</translation>
    </message>
    <message>
        <source>million đ</source>
        <translation>triệu đồng</translation>
    </message>
</context>
<context>
    <name>GrowthChart</name>
    <message>
        <source>Entrusted capital transferred each year</source>
        <translation>Vốn ngân sách ủy thác chuyển từng năm</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Đã chuyển</translation>
    </message>
    <message>
        <source>Target: {percent} % above the year before</source>
        <translation>Chỉ tiêu: cao hơn năm trước {percent} %</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
        <source>Search the history (accents not needed)</source>
        <translation>Tìm trong lịch sử (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>All kinds of record</source>
        <translation>Tất cả loại dữ liệu</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>{shown} of {total} changes</source>
        <translation>{shown}/{total} thay đổi</translation>
    </message>
    <message>
        <source>change-history.xlsx</source>
        <translation>lich-su-thay-doi.xlsx</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Đã xuất ra {path}</translation>
    </message>
    <message>
        <source>Writing the Excel file…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
</context>
<context>
    <name>MonthlyContributionsChart</name>
    <message>
        <source>Contributions by month</source>
        <translation>Đóng góp theo tháng</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Tiền</translation>
    </message>
    <message>
        <source>In kind (estimated)</source>
        <translation>Hiện vật (ước tính)</translation>
    </message>
    <message>
        <source>Contributions by month, {year}</source>
        <translation>Đóng góp Quỹ theo tháng, năm {year}</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <source>All years</source>
        <extracomment>What a row offers the period filter: a date, a reporting period, or a year. Items before the years (&quot;All years&quot;).</extracomment>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <source>Quarter {roman}</source>
        <translation>Quý {roman}</translation>
    </message>
    <message>
        <source>First half</source>
        <translation>6 tháng đầu năm</translation>
    </message>
    <message>
        <source>Second half</source>
        <translation>6 tháng cuối năm</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kỳ:</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Total of the rows shown: {amount}</source>
        <extracomment>Offer quarters and halves in the period filter (False for yearly records). The form that adds (row ``None``) or changes a row: ``form_class(context, row, parent)``.</extracomment>
        <translation>Tổng số tiền các dòng đang hiện: {amount}</translation>
    </message>
</context>
<context>
    <name>ShareChart</name>
    <message>
        <source>Entrusted capital in total capital</source>
        <translation>Tỷ trọng vốn ủy thác trong tổng nguồn vốn</translation>
    </message>
    <message>
        <source>Share of total capital</source>
        <translation>Tỷ trọng</translation>
    </message>
    <message>
        <source>Target: {percent} % by 2030</source>
        <translation>Chỉ tiêu: {percent} % đến năm 2030</translation>
    </message>
</context>
<context>
    <name>TaskStatusChart</name>
    <message>
        <source>Task status</source>
        <translation>Tình trạng nhiệm vụ</translation>
    </message>
    <message>
        <source>No record</source>
        <translation>Chưa báo cáo</translation>
    </message>
</context>
</TS>
