<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
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
