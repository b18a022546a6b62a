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
        <source>The consolidated yearly report the plan asks for before 30 October: how many communes the figures cover and which have none; per-commune tables of task completion, credit indicators and the fund, with their totals and rankings; the local budget of the city and the communes against the plan&apos;s targets; amounts in million đồng.</source>
        <translation>Báo cáo tổng hợp hằng năm Kế hoạch yêu cầu gửi trước ngày 30/10: số liệu của bao nhiêu xã, phường và các xã, phường chưa có số liệu; bảng theo từng xã, phường về kết quả thực hiện nhiệm vụ, tín dụng chính sách và Quỹ “Vì người nghèo”, kèm số tổng hợp và xếp hạng; vốn ngân sách địa phương của thành phố và xã, phường so với chỉ tiêu của Kế hoạch; số tiền tính bằng triệu đồng.</translation>
    </message>
    <message>
        <source>Report on carrying out the plan (commune, ward)</source>
        <translation>Báo cáo kết quả thực hiện Kế hoạch (xã, phường)</translation>
    </message>
    <message>
        <source>The periodic report of a commune or ward, with the period&apos;s figures as of its end (or the document&apos;s date): each task of the plan with its status, what was done in each period and the documents issued; loans, loan-use checks, the fund, deposits and entrusted capital against the targets and the path to 20 % in 2030; difficulties and proposals.</source>
        <translation>Báo cáo định kỳ của xã, phường, số liệu của kỳ tính đến hết kỳ (hoặc đến ngày lập báo cáo): từng nhiệm vụ của Kế hoạch với tình trạng, kết quả thực hiện trong từng kỳ và văn bản đã ban hành; dư nợ, kiểm tra sử dụng vốn vay, Quỹ “Vì người nghèo”, tiền gửi và vốn ủy thác so với chỉ tiêu và lộ trình đạt 20 % năm 2030; khó khăn, đề xuất.</translation>
    </message>
    <message>
        <source>Statement of the fund “Vì người nghèo”</source>
        <translation>Báo cáo thu, chi Quỹ “Vì người nghèo”</translation>
    </message>
    <message>
        <source>The fund&apos;s opening balance, receipts, spending and balance for the period; gifts by month, by kind of donor and in the peak month; the gifts and grants one by one in appendices (at the city for all communes: each commune&apos;s statement).</source>
        <translation>Số dư đầu kỳ, thu, chi và số dư của Quỹ trong kỳ; tiếp nhận ủng hộ theo tháng, theo đối tượng và trong tháng cao điểm; danh sách từng lượt ủng hộ và từng khoản chi tại phụ lục (ở Thành phố, cho mọi xã, phường: thu, chi của từng xã, phường).</translation>
    </message>
    <message>
        <source>Loan quality</source>
        <translation>Chất lượng tín dụng</translation>
    </message>
    <message>
        <source>Outstanding balance, overdue and frozen debt at the end of the period (or the document&apos;s date) by programme, entrusted organisation, savings-and-loan group and hamlet (at the city for all communes: by commune), arrears ageing and the loan-use checks since the start of the year.</source>
        <translation>Dư nợ, nợ quá hạn và nợ khoanh đến cuối kỳ (hoặc đến ngày lập báo cáo) theo chương trình, tổ chức nhận ủy thác, Tổ TK&amp;VV và ấp, khu vực (ở Thành phố, cho mọi xã, phường: theo xã, phường), tuổi nợ quá hạn và kiểm tra sử dụng vốn vay từ đầu năm.</translation>
    </message>
    <message>
        <source>Loans not checked in 12 months</source>
        <translation>Khoản vay chưa kiểm tra trong 12 tháng</translation>
    </message>
    <message>
        <source>The loans with a balance whose use was not checked in the twelve months before the end of the period, counted by hamlet and organisation, the list by name in an appendix (at the city for all communes: by commune).</source>
        <translation>Các khoản vay còn dư nợ chưa được kiểm tra việc sử dụng vốn trong 12 tháng tính đến cuối kỳ, tổng hợp theo ấp, khu vực và tổ chức nhận ủy thác, danh sách người vay tại phụ lục (ở Thành phố, cho mọi xã, phường: theo xã, phường).</translation>
    </message>
</context>
</TS>
