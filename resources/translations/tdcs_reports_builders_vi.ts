<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ReportBuilders</name>
    <message>
        <source>The city&apos;s yearly report (before 30/10)</source>
        <extracomment>The parts of the plan the results follow, with the headings the report gives them.</extracomment>
        <translation>Báo cáo tổng hợp hằng năm của thành phố (trước 30/10)</translation>
    </message>
    <message>
        <source>The Standing Committee&apos;s yearly report on Directive 39 (due before 30 October), in the Party form: the results following the plan&apos;s parts with their figures, each beside the same day of the year before and, before the year ends, the estimate for the whole year; the assessment, directions and proposals the city office writes for the year; appendices with each commune&apos;s figures and difficulties and proposals. Amounts in million đồng.</source>
        <translation>Báo cáo hằng năm của Ban Thường vụ Thành ủy về thực hiện Chỉ thị 39 (gửi trước ngày 30/10), theo thể thức văn bản của Đảng: kết quả thực hiện theo từng phần của Kế hoạch kèm số liệu, mỗi số liệu so với cùng thời điểm năm trước và, khi lập trước khi hết năm, ước thực hiện cả năm; đánh giá chung, phương hướng và đề xuất do Văn phòng cấp thành phố soạn cho năm; phụ lục số liệu từng xã, phường và khó khăn, đề xuất của các đơn vị. Số tiền tính bằng triệu đồng.</translation>
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
    <message>
        <source>No loan-use check is recorded from {start} to {end}{group}, so there is no record to print.</source>
        <extracomment>Room to write a name by hand, and a line of remarks (as wide as the text). A result ticked, and one not; the results as the boxes name them (short, on one line).</extracomment>
        <translation>Không có lần kiểm tra sử dụng vốn vay nào từ ngày {start} đến ngày {end}{group}, nên không có biên bản để in.</translation>
    </message>
    <message>
        <source> for the group {group}</source>
        <translation> của {group}</translation>
    </message>
    <message>
        <source>Records of the loan-use checks</source>
        <translation>Biên bản kiểm tra sử dụng vốn vay</translation>
    </message>
    <message>
        <source>The record (biên bản) of each loan-use check of the period, one per check, to be signed by the borrower, the group&apos;s leader, the entrusted organisation and the commune: the loan, its amount and balance, what was found and what must be done.</source>
        <translation>Biên bản của từng lần kiểm tra sử dụng vốn vay trong kỳ, mỗi lần một biên bản, để người vay, tổ trưởng Tổ TK&amp;VV, tổ chức nhận ủy thác và xã, phường cùng ký: khoản vay, số tiền vay và dư nợ, kết quả kiểm tra và biện pháp xử lý.</translation>
    </message>
    <message>
        <source>Field list of the next loan-use checks</source>
        <extracomment>Room to write by hand in a row (points): about 9 mm.</extracomment>
        <translation>Danh sách khoản vay cần kiểm tra sử dụng vốn</translation>
    </message>
    <message>
        <source>The loans due for a check (not checked in the twelve months before the end of the period), one table per savings-and-loan group under its hamlet, with blank columns to fill in at the borrower&apos;s home.</source>
        <translation>Các khoản vay đến hạn kiểm tra (chưa được kiểm tra trong 12 tháng tính đến cuối kỳ), mỗi Tổ TK&amp;VV một bảng theo ấp, khu vực, có các cột để trống ghi khi kiểm tra tại hộ vay.</translation>
    </message>
    <message>
        <source>Grades of the entrusted organisations</source>
        <translation>Xếp loại hoạt động nhận ủy thác</translation>
    </message>
    <message>
        <source>The year&apos;s grade of each entrusted organisation&apos;s work (Hội Nông dân, Hội Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên) beside the year before, with the loans each manages (at the city for all communes: how many communes reported and every commune&apos;s grades).</source>
        <translation>Kết quả xếp loại hoạt động nhận ủy thác trong năm của từng tổ chức (Hội Nông dân, Hội Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên) so với năm trước, kèm dư nợ do từng tổ chức quản lý (ở thành phố cho mọi xã, phường: số xã, phường đã báo cáo và xếp loại của từng xã, phường).</translation>
    </message>
    <message>
        <source>Overdue loans (named list)</source>
        <translation>Danh sách nợ quá hạn</translation>
    </message>
    <message>
        <source>The overdue loans at the end of the period by hamlet and group, for the recovery work: the borrower, the group&apos;s leader, the amount overdue, since when and for how many days (at the city for all communes: counted by commune, without names).</source>
        <translation>Các khoản vay có nợ quá hạn đến cuối kỳ theo ấp, khu vực và Tổ TK&amp;VV, phục vụ đôn đốc thu hồi nợ: người vay, tổ trưởng, số nợ quá hạn, quá hạn từ ngày nào và bao nhiêu ngày (ở thành phố cho mọi xã, phường: tổng hợp theo xã, phường, không ghi tên người vay).</translation>
    </message>
</context>
</TS>
