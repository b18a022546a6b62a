<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>DocumentsEditor</name>
    <message>
        <source>Add a document</source>
        <translation>Thêm văn bản</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>Bỏ văn bản</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
</context>
<context>
    <name>MissingView</name>
    <message>
        <source>Record progress…</source>
        <extracomment>(task key, period code) — the page opens a new record for them.</extracomment>
        <translation>Ghi tiến độ…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>A record counts for the period it lies in: a quarter&apos;s record counts for its half and for the whole year.</source>
        <translation>Báo cáo của một kỳ được tính cho kỳ lớn hơn chứa nó: báo cáo quý được tính cho 6 tháng và cả năm.</translation>
    </message>
</context>
<context>
    <name>OfficeTaskForm</name>
    <message>
        <source>New sub-task of this office</source>
        <translation>Thêm nhiệm vụ của đơn vị</translation>
    </message>
    <message>
        <source>Sub-task</source>
        <translation>Nhiệm vụ của đơn vị</translation>
    </message>
    <message>
        <source>Under the plan&apos;s task</source>
        <translation>Thuộc nhiệm vụ kế hoạch</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>ProgressForm</name>
    <message>
        <source>A saved record keeps its task and period. To report on another period, use “Record another period…”.</source>
        <extracomment>A note that needs attention: the period chosen already has a record.</extracomment>
        <translation>Báo cáo đã lưu giữ nguyên nhiệm vụ và kỳ. Muốn báo cáo cho kỳ khác, bấm “Ghi tiến độ kỳ khác…”.</translation>
    </message>
    <message>
        <source>Choose the right task and period, then Save: this record moves there, no new record is made.</source>
        <translation>Chọn đúng nhiệm vụ và kỳ rồi bấm Lưu: báo cáo này được chuyển sang đó, không tạo báo cáo mới.</translation>
    </message>
    <message>
        <source>{period} already has a progress record for this task (saved {when}).</source>
        <translation>{period} đã có báo cáo tiến độ của nhiệm vụ này (lưu ngày {when}).</translation>
    </message>
    <message>
        <source>A new record, filled in from the record of {period} for you to change; that record stays as it is.</source>
        <translation>Báo cáo mới, đã điền sẵn nội dung của báo cáo {period} để anh/chị sửa; báo cáo đó vẫn giữ nguyên.</translation>
    </message>
    <message>
        <source>This is the record already saved for {period}; what you had written was added to it. Check it, then Save.</source>
        <translation>Đây là báo cáo {period} đã lưu; nội dung anh/chị vừa ghi đã được thêm vào. Kiểm tra lại rồi bấm Lưu.</translation>
    </message>
    <message>
        <source>{task} already has a progress record for {period} (saved {when}). Open that record and add what you have written to it?</source>
        <translation>Nhiệm vụ {task} đã có báo cáo tiến độ {period} (lưu ngày {when}). Mở báo cáo đó và thêm nội dung vừa ghi vào?</translation>
    </message>
    <message>
        <source>Move this record from {old} to {new}? It will no longer be the report for {old}. Do this only to correct a record saved under the wrong task or period.</source>
        <translation>Chuyển báo cáo này từ {old} sang {new}? Báo cáo sẽ không còn là báo cáo của {old}. Chỉ làm việc này để sửa báo cáo đã ghi nhầm nhiệm vụ hoặc kỳ.</translation>
    </message>
    <message>
        <source>Save your changes to the record of {period} first? If not, they are carried into the new record and the record of {period} stays as it was saved.</source>
        <translation>Lưu các thay đổi vào báo cáo {period} trước? Nếu không, các thay đổi được chuyển sang báo cáo mới và báo cáo {period} giữ nguyên như đã lưu.</translation>
    </message>
    <message>
        <source>New progress record</source>
        <extracomment>Documents typed here and not saved with this record go to the new one.</extracomment>
        <translation>Ghi tiến độ thực hiện</translation>
    </message>
    <message>
        <source>Progress record</source>
        <translation>Báo cáo tiến độ</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
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
        <source>Only for a task in progress; a completed task is 100 %.</source>
        <translation>Chỉ nhập khi đang triển khai; nhiệm vụ hoàn thành là 100 %.</translation>
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
        <source>Sessions held</source>
        <translation>Số buổi, hội nghị</translation>
    </message>
    <message>
        <source>Conferences and dissemination sessions held in the period.</source>
        <translation>Số hội nghị quán triệt, buổi tuyên truyền đã tổ chức trong kỳ.</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>Số lượt người tham dự</translation>
    </message>
    <message>
        <source>People who attended them (counted once per session).</source>
        <translation>Số lượt người đã dự các buổi đó (mỗi buổi tính riêng).</translation>
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
        <source>Documents issued</source>
        <translation>Văn bản đã ban hành</translation>
    </message>
    <message>
        <source>Number, symbol (e.g. KH-UBND), date and summary of each document.</source>
        <translation>Số, ký hiệu (ví dụ KH-UBND), ngày ban hành và trích yếu của từng văn bản.</translation>
    </message>
    <message>
        <source>Open that record</source>
        <extracomment>Set while the form fills its own fields, so that only the person&apos;s choices count as choosing a period. The person chose the period (or it was preset): it is no longer proposed. The period of the record a new one was filled in from (“Record another period…”). A note replacing the usual one until the task or period changes. The person asked to correct this record&apos;s task or period. Something was saved before the form closed (changes saved before recording another period): the list must be read again even if the form is then cancelled.</extracomment>
        <translation>Mở báo cáo đó</translation>
    </message>
    <message>
        <source>Record another period…</source>
        <translation>Ghi tiến độ kỳ khác…</translation>
    </message>
    <message>
        <source>Correct a wrong task or period…</source>
        <translation>Sửa nhiệm vụ, kỳ ghi nhầm…</translation>
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
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
</context>
<context>
    <name>TaskBoard</name>
    <message>
        <source>No record yet</source>
        <translation>Chưa báo cáo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Latest status</source>
        <translation>Tình trạng mới nhất</translation>
    </message>
    <message>
        <source>Latest period</source>
        <translation>Kỳ báo cáo gần nhất</translation>
    </message>
    <message>
        <source>Progress records</source>
        <translation>Số báo cáo</translation>
    </message>
    <message>
        <source>Heading title</source>
        <translation>Tên mục</translation>
    </message>
    <message>
        <source>{period}: {expected} plan tasks — {reported} reported, {missing} without a record; {completed} completed, {ongoing} carried out regularly, {in_progress} in progress, {not_started} not started.</source>
        <translation>{period}: {expected} nhiệm vụ kế hoạch — đã báo cáo {reported}, chưa báo cáo {missing}; hoàn thành {completed}, thực hiện thường xuyên {ongoing}, đang triển khai {in_progress}, chưa triển khai {not_started}.</translation>
    </message>
    <message>
        <source>Search (accents not needed)</source>
        <extracomment>(task key, progress id or &quot;&quot;) — the page opens the right form.</extracomment>
        <translation>Tìm kiếm (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>Sections II and III</source>
        <translation>Phần II và III</translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation>Ghi tiến độ…</translation>
    </message>
    <message>
        <source>Open the latest record…</source>
        <translation>Mở báo cáo gần nhất…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Tasks and their latest status</source>
        <translation>Nhiệm vụ và tình trạng mới nhất</translation>
    </message>
    <message>
        <source>Tasks without a record for {period}</source>
        <translation>Nhiệm vụ chưa báo cáo {period}</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <source>Progress records</source>
        <translation>Báo cáo tiến độ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Kết quả thực hiện</translation>
    </message>
    <message>
        <source>Documents issued</source>
        <translation>Văn bản ban hành</translation>
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
        <source>the progress record {what}</source>
        <translation>báo cáo tiến độ {what}</translation>
    </message>
    <message>
        <source>Sub-tasks of this office</source>
        <translation>Nhiệm vụ của đơn vị</translation>
    </message>
    <message>
        <source>Plan task</source>
        <translation>Nhiệm vụ kế hoạch</translation>
    </message>
    <message>
        <source>Title of the plan task</source>
        <translation>Tên nhiệm vụ kế hoạch</translation>
    </message>
    <message>
        <source>Sub-task</source>
        <translation>Nhiệm vụ của đơn vị</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>the sub-task “{title}” and its {count} progress records</source>
        <translation>nhiệm vụ “{title}” cùng {count} báo cáo tiến độ của nó</translation>
    </message>
    <message>
        <source>the sub-task “{title}”</source>
        <translation>nhiệm vụ “{title}”</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Tasks of the plan</source>
        <translation>Nhiệm vụ kế hoạch</translation>
    </message>
    <message>
        <source>Not yet reported</source>
        <translation>Chưa báo cáo theo kỳ</translation>
    </message>
</context>
</TS>
