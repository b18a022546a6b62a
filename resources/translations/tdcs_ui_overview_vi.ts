<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <extracomment>Figures are being read (the previous ones stay on screen meanwhile).</extracomment>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Figures of:</source>
        <translation>Số liệu của:</translation>
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
        <source>Balance data as of</source>
        <translation>Số liệu dư nợ đến ngày</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
    <message>
        <source>With a balance</source>
        <translation>Còn dư nợ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Nợ quá hạn</translation>
    </message>
    <message>
        <source>Overdue and frozen</source>
        <translation>Nợ quá hạn và nợ khoanh</translation>
    </message>
    <message>
        <source>Not checked in the last 12 months</source>
        <translation>Chưa kiểm tra 12 tháng qua</translation>
    </message>
    <message>
        <source>Communes and wards with data</source>
        <translation>Xã, phường có số liệu</translation>
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
        <source>Reading the figures…</source>
        <translation>Đang đọc số liệu…</translation>
    </message>
    <message>
        <source>The figures could not be read: {error}</source>
        <translation>Không đọc được số liệu: {error}</translation>
    </message>
    <message>
        <source>The figures could not be read; open this page again in a moment.</source>
        <translation>Không đọc được số liệu; hãy mở lại trang này sau ít phút.</translation>
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
        <source>Records kept by the city office itself.</source>
        <translation>Số liệu do Văn phòng thành phố tự ghi.</translation>
    </message>
    <message>
        <source>No commune or ward has sent its figures yet.</source>
        <translation>Chưa có xã, phường nào gửi số liệu.</translation>
    </message>
    <message>
        <source>Figures of all {total} communes and wards.</source>
        <translation>Số liệu của đủ {total} xã, phường.</translation>
    </message>
    <message>
        <source>Figures of the {sent}/{total} communes and wards that have sent theirs.</source>
        <translation>Số liệu của {sent}/{total} xã, phường đã gửi (chưa phải toàn thành phố).</translation>
    </message>
    <message>
        <source>{commune} has not sent its figures yet.</source>
        <translation>{commune} chưa gửi số liệu.</translation>
    </message>
    <message>
        <source>Figures sent by {commune}; latest file imported {when}.</source>
        <translation>Số liệu do {commune} gửi; tệp gần nhất nhập lúc {when}.</translation>
    </message>
    <message>
        <source>Figures sent by {commune}.</source>
        <translation>Số liệu do {commune} gửi.</translation>
    </message>
    <message>
        <source>Policy credit on {day}</source>
        <translation>Tín dụng chính sách đến ngày {day}</translation>
    </message>
    <message>
        <source>No balance data yet</source>
        <translation>Chưa có số liệu dư nợ</translation>
    </message>
    <message>
        <source>{earliest} to {latest}, depending on the commune</source>
        <translation>từ {earliest} đến {latest} (tùy xã, phường)</translation>
    </message>
    <message>
        <source>{borrowers} borrowers, {loans} loans</source>
        <translation>{borrowers} người vay, {loans} khoản vay</translation>
    </message>
    <message>
        <source>{amount} ({ratio})</source>
        <translation>{amount} ({ratio})</translation>
    </message>
    <message>
        <source>{count} loans</source>
        <translation>{count} khoản vay</translation>
    </message>
    <message>
        <source>Notice from the city: {title} — the day to act by, {date}, has passed.</source>
        <translation>Thông báo của thành phố: {title} — đã quá hạn thực hiện ({date}).</translation>
    </message>
    <message>
        <source>Notice from the city: {title} — act by {date} ({days} days left).</source>
        <translation>Thông báo của thành phố: {title} — thực hiện trước ngày {date} (còn {days} ngày).</translation>
    </message>
    <message>
        <source>Targets assigned by the city for {year}</source>
        <translation>Chỉ tiêu thành phố giao năm {year}</translation>
    </message>
    <message>
        <source>{achieved} of {value} ({share})</source>
        <translation>{achieved} / {value} ({share})</translation>
    </message>
    <message>
        <source>{done}: reached</source>
        <translation>{done}: đã đạt</translation>
    </message>
    <message>
        <source>{done}: {remaining} still to go</source>
        <translation>{done}: còn thiếu {remaining}</translation>
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
<context>
    <name>ScopeCombo</name>
    <message>
        <source>All communes and wards</source>
        <extracomment>The item data of &quot;every commune&quot; (an item&apos;s data cannot tell ``None`` from no item). Where each item keeps the accent-free text that typing is matched against.</extracomment>
        <translation>Tất cả xã, phường</translation>
    </message>
    <message>
        <source>City office (its own records)</source>
        <translation>Văn phòng thành phố</translation>
    </message>
    <message>
        <source>Type a commune&apos;s name or code</source>
        <translation>Gõ tên hoặc mã xã, phường</translation>
    </message>
    <message>
        <source>Whose figures to show; type part of a commune&apos;s name to find it.</source>
        <translation>Chọn xem số liệu của đơn vị nào; gõ một phần tên xã, phường để tìm (không cần gõ dấu).</translation>
    </message>
</context>
</TS>
