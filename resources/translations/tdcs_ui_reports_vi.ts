<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>RecipientsDialog</name>
    <message>
        <source>Recipients</source>
        <extracomment>The report whose parts II–IV the city&apos;s clerk writes on this page. Each press of &quot;Larger&quot; / &quot;Smaller&quot; scales the preview by this much, within the limits.</extracomment>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>One recipient a line, without the dash or the end mark: the document adds them. The list is kept for the next report of this kind.</source>
        <translation>Mỗi dòng một nơi nhận, không cần gạch đầu dòng hay dấu cuối dòng: văn bản tự thêm. Danh sách được giữ cho lần lập báo cáo loại này sau.</translation>
    </message>
    <message>
        <source>Restore the defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>left blank to be filled in</source>
        <translation>để trống để ghi tay khi vào sổ</translation>
    </message>
    <message>
        <source>Assessment of the year…</source>
        <extracomment>Beside the city&apos;s yearly report: where the city&apos;s clerk writes its parts II–IV.</extracomment>
        <translation>Đánh giá năm…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Quarter / half</source>
        <translation>Quý / 6 tháng</translation>
    </message>
    <message>
        <source>All communes and wards</source>
        <translation>Tất cả xã, phường</translation>
    </message>
    <message>
        <source>state form, Decree 30/2020</source>
        <extracomment>The document forms, as the page names them beside the issuing body.</extracomment>
        <translation>thể thức Nghị định 30/2020</translation>
    </message>
    <message>
        <source>Party form, Guidance 36-HD/VPTW</source>
        <translation>thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW</translation>
    </message>
    <message>
        <source>Fatherland Front form</source>
        <translation>thể thức của Mặt trận Tổ quốc</translation>
    </message>
    <message>
        <source>Recipients…</source>
        <translation>Nơi nhận…</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Write the general assessment, the next year&apos;s directions and the proposals of the yearly report, and how its figures are estimated for the whole year</source>
        <translation>Soạn phần đánh giá chung, phương hướng năm sau và đề xuất, kiến nghị của báo cáo năm, và cách ước thực hiện cả năm các số liệu</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Date on the document</source>
        <translation>Ngày ghi trên văn bản</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>Lưu Excel…</translation>
    </message>
    <message>
        <source>Save Word…</source>
        <translation>Lưu Word…</translation>
    </message>
    <message>
        <source>The same document as a Word file (.docx), to finish before signing</source>
        <translation>Cùng văn bản dưới dạng tệp Word (.docx), để hoàn thiện trước khi ký</translation>
    </message>
    <message>
        <source>Smaller (Ctrl+−)</source>
        <translation>Thu nhỏ (Ctrl+−)</translation>
    </message>
    <message>
        <source>Larger (Ctrl++)</source>
        <translation>Phóng to (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Fit the page to the width of the preview (Ctrl+0)</source>
        <translation>Hiện trang vừa chiều rộng khung xem trước (Ctrl+0)</translation>
    </message>
    <message>
        <source>Choose a report and press Preview.</source>
        <translation>Chọn báo cáo rồi bấm Xem trước.</translation>
    </message>
    <message>
        <source>The page preview needs Qt&apos;s PDF module, which this installation lacks. Save the PDF and open it in a PDF reader.</source>
        <translation>Bản cài đặt này thiếu thành phần PDF của Qt nên không xem trước được. Hãy lưu PDF rồi mở bằng phần mềm đọc PDF.</translation>
    </message>
    <message>
        <source>No report is available to this office yet.</source>
        <translation>Đơn vị này chưa có báo cáo nào để lập.</translation>
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
        <source>a copy made from the commune&apos;s data</source>
        <translation>bản lập từ số liệu của xã, phường</translation>
    </message>
    <message>
        <source>{count} recipients</source>
        <translation>{count} nơi nhận</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>{title} — {period} (made at {time})</source>
        <translation>{title} — {period} (lập lúc {time})</translation>
    </message>
    <message>
        <source>The assessment was saved: press Preview to see the report.</source>
        <translation>Đã lưu phần đánh giá: bấm Xem trước để xem lại báo cáo.</translation>
    </message>
    <message>
        <source>The choices changed: press Preview to see the report.</source>
        <translation>Các lựa chọn đã thay đổi: bấm Xem trước để xem báo cáo.</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>Đã lưu báo cáo: {path}</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Đang lưu báo cáo…</translation>
    </message>
</context>
<context>
    <name>YearlyReviewForm</name>
    <message>
        <source>Assessment and directions of {year}</source>
        <translation>Đánh giá, phương hướng năm {year}</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Ưu điểm</translation>
    </message>
    <message>
        <source>Shortcomings</source>
        <translation>Hạn chế</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>Bài học kinh nghiệm</translation>
    </message>
    <message>
        <source>Directions and tasks for {year}</source>
        <translation>Phương hướng, nhiệm vụ năm {year}</translation>
    </message>
    <message>
        <source>Proposals and recommendations</source>
        <translation>Đề xuất, kiến nghị</translation>
    </message>
    <message>
        <source>II. General assessment — III. Directions — IV. Proposals</source>
        <translation>II. Đánh giá chung — III. Phương hướng, nhiệm vụ — IV. Đề xuất, kiến nghị</translation>
    </message>
    <message>
        <source>Estimate for the whole year (the figures run to {day}; the rule: figure × {days} ÷ {elapsed} days elapsed)</source>
        <translation>Ước thực hiện cả năm (số liệu đến ngày {day}; cách tính: số liệu × {days} ÷ {elapsed} ngày đã qua)</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Lịch sử…</translation>
    </message>
    <message>
        <source>Difficulties and proposals the offices wrote in {year}</source>
        <translation>Khó khăn, đề xuất các đơn vị nêu trong năm {year}</translation>
    </message>
    <message>
        <source>Estimate by the rule</source>
        <translation>Ước theo cách tính</translation>
    </message>
    <message>
        <source>To {day}: {value}; by the rule: {rule}</source>
        <translation>Đến ngày {day}: {value}; theo cách tính: {rule}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>chưa có số liệu</translation>
    </message>
    <message>
        <source>No office wrote difficulties or proposals in {year}.</source>
        <translation>Chưa đơn vị nào nêu khó khăn, đề xuất trong năm {year}.</translation>
    </message>
    <message>
        <source>City office</source>
        <translation>Cấp thành phố</translation>
    </message>
    <message>
        <source>- Difficulty ({where}): {text}</source>
        <translation>- Khó khăn ({where}): {text}</translation>
    </message>
    <message>
        <source>- Proposal ({where}): {text}</source>
        <translation>- Đề xuất ({where}): {text}</translation>
    </message>
</context>
</TS>
