<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ReportBuilders</name>
    <message>
        <source>The city&apos;s yearly report (before 30/10)</source>
        <extracomment>How many communes the ranking charts show (all of them are in the ranking tables).</extracomment>
        <translation>Báo cáo tổng hợp hằng năm của thành phố (trước 30/10)</translation>
    </message>
    <message>
        <source>The consolidated yearly report the plan asks for before 30 October: per-commune tables of task completion, credit indicators, the fund and entrusted capital, the city&apos;s totals, the communes whose figures are missing or late, rankings and charts.</source>
        <translation>Báo cáo tổng hợp hằng năm theo yêu cầu của Kế hoạch (gửi trước ngày 30/10): bảng theo từng xã, phường về kết quả thực hiện nhiệm vụ, chỉ tiêu tín dụng, Quỹ “Vì người nghèo” và vốn ủy thác; số liệu toàn thành phố; các xã, phường chưa gửi hoặc gửi chậm số liệu; xếp hạng và biểu đồ.</translation>
    </message>
    <message>
        <source>Report on carrying out the plan (commune, ward)</source>
        <translation>Báo cáo kết quả thực hiện Kế hoạch (xã, phường)</translation>
    </message>
    <message>
        <source>The periodic report of a commune or ward: each task of the plan with its status, what was done and the documents issued; loans, loan-use checks, the fund, deposits and entrusted capital against the targets; difficulties and proposals.</source>
        <translation>Báo cáo định kỳ của xã, phường: từng nhiệm vụ của Kế hoạch với tình trạng, kết quả thực hiện và văn bản đã ban hành; dư nợ, kiểm tra sử dụng vốn vay, Quỹ “Vì người nghèo”, tiền gửi và vốn ủy thác so với mục tiêu; khó khăn, đề xuất.</translation>
    </message>
    <message>
        <source>Statement of the fund “Vì người nghèo”</source>
        <translation>Báo cáo thu, chi Quỹ “Vì người nghèo”</translation>
    </message>
    <message>
        <source>The fund&apos;s opening balance, receipts, spending and balance for the year; gifts by month and in the peak month; the gifts and grants of the period one by one (at the city for all communes: each commune&apos;s statement).</source>
        <translation>Số dư đầu năm, số thu, số chi và số dư của Quỹ trong năm; tiếp nhận ủng hộ theo tháng và trong tháng cao điểm; danh sách từng lượt ủng hộ và từng khoản chi trong kỳ (ở thành phố, khi chọn tất cả xã, phường: Quỹ của từng xã, phường).</translation>
    </message>
    <message>
        <source>Loan quality</source>
        <translation>Chất lượng tín dụng</translation>
    </message>
    <message>
        <source>Outstanding balance, overdue and frozen debt at the end of the period by programme, entrusted organisation, savings-and-loan group and hamlet (at the city for all communes: by commune), arrears ageing and the year&apos;s loan-use checks.</source>
        <translation>Dư nợ, nợ quá hạn, nợ khoanh đến cuối kỳ theo chương trình cho vay, tổ chức nhận ủy thác, Tổ TK&amp;VV và ấp, khu vực (ở thành phố, khi chọn tất cả xã, phường: theo xã, phường); nợ quá hạn theo thời gian quá hạn và kết quả kiểm tra sử dụng vốn vay trong năm.</translation>
    </message>
    <message>
        <source>Loans not checked in 12 months</source>
        <translation>Khoản vay chưa kiểm tra trong 12 tháng</translation>
    </message>
    <message>
        <source>The loans with a balance whose use was not checked in the twelve months before the end of the period, never-checked loans first, counted by hamlet and organisation (at the city for all communes: by commune).</source>
        <translation>Các khoản vay còn dư nợ chưa được kiểm tra việc sử dụng vốn trong 12 tháng tính đến cuối kỳ, khoản vay chưa kiểm tra lần nào xếp trước, tổng hợp theo ấp, khu vực và tổ chức nhận ủy thác (ở thành phố, khi chọn tất cả xã, phường: theo xã, phường).</translation>
    </message>
</context>
</TS>
