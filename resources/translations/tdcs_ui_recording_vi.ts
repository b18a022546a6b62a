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
    <message>
        <source>thousand đ</source>
        <translation>nghìn đồng</translation>
    </message>
    <message>
        <source>đ</source>
        <translation>đồng</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>Chưa có số liệu</translation>
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
    <name>MonthlyContributionsChart</name>
    <message>
        <source>Contributions by month</source>
        <extracomment>What the chart says instead of drawing, when it has nothing to draw.</extracomment>
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
