<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Change history…</source>
        <translation>Lịch sử thay đổi…</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Số dư đầu năm</translation>
    </message>
    <message>
        <source>Receipts (money)</source>
        <translation>Thu (tiền)</translation>
    </message>
    <message>
        <source>Grants paid</source>
        <translation>Chi hỗ trợ</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>Số dư cuối năm</translation>
    </message>
    <message>
        <source>Gifts in kind (estimated)</source>
        <translation>Hiện vật (ước tính)</translation>
    </message>
    <message>
        <source>Peak month 17/10 – 18/11</source>
        <translation>Tháng cao điểm 17/10 – 18/11</translation>
    </message>
    <message>
        <source>Entrusted capital: growth (target ≥ 20 % a year)</source>
        <translation>Vốn ủy thác: tăng trưởng (chỉ tiêu ≥ 20 %/năm)</translation>
    </message>
    <message>
        <source>Transferred this year</source>
        <translation>Chuyển trong năm</translation>
    </message>
    <message>
        <source>Transferred the year before</source>
        <translation>Chuyển năm trước</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Tăng</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <source>Entrusted capital: share of total capital (≥ 20 % by 2030)</source>
        <translation>Vốn ủy thác: tỷ trọng trong tổng nguồn vốn (≥ 20 % đến 2030)</translation>
    </message>
    <message>
        <source>Figures of</source>
        <translation>Số liệu năm</translation>
    </message>
    <message>
        <source>Entrusted capital</source>
        <translation>Vốn ủy thác</translation>
    </message>
    <message>
        <source>Total capital</source>
        <translation>Tổng nguồn vốn</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ trọng</translation>
    </message>
    <message>
        <source>Completed or carried out regularly</source>
        <translation>Hoàn thành, thực hiện thường xuyên</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang triển khai</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa triển khai</translation>
    </message>
    <message>
        <source>No record in the year</source>
        <translation>Chưa báo cáo trong năm</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>Tiền gửi</translation>
    </message>
    <message>
        <source>Sponsorship</source>
        <translation>Tài trợ</translation>
    </message>
    <message>
        <source>Deposits and sponsorship in {year}</source>
        <translation>Tiền gửi, tài trợ năm {year}</translation>
    </message>
    <message>
        <source>{amount} ({count} records)</source>
        <translation>{amount} ({count} khoản)</translation>
    </message>
    <message>
        <source>Plan tasks in {year}</source>
        <translation>Nhiệm vụ kế hoạch năm {year}</translation>
    </message>
    <message>
        <source>&quot;Vì người nghèo&quot; fund in {year}</source>
        <translation>Quỹ “Vì người nghèo” năm {year}</translation>
    </message>
    <message>
        <source>{amount} ({count} gifts)</source>
        <translation>{amount} ({count} lượt)</translation>
    </message>
    <message>
        <source>{amount} ({count} grants)</source>
        <translation>{amount} ({count} khoản)</translation>
    </message>
    <message>
        <source>(estimated from the transfers)</source>
        <translation>(ước tính từ số đã chuyển)</translation>
    </message>
    <message>
        <source>{count} of {expected} ({share})</source>
        <translation>{count}/{expected} ({share})</translation>
    </message>
</context>
</TS>
