<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Tasks</name>
    <message>
        <source>Choose the plan task it belongs to.</source>
        <translation>Chọn nhiệm vụ kế hoạch mà nhiệm vụ này thuộc về.</translation>
    </message>
    <message>
        <source>Task {code} is not one this office reports on.</source>
        <translation>Nhiệm vụ {code} không thuộc phạm vi báo cáo của đơn vị.</translation>
    </message>
    <message>
        <source>Task {code} already has a sub-task called “{title}”.</source>
        <translation>Nhiệm vụ {code} đã có nhiệm vụ “{title}”.</translation>
    </message>
    <message>
        <source>Choose the task.</source>
        <translation>Chọn nhiệm vụ.</translation>
    </message>
    <message>
        <source>This sub-task no longer exists or belongs to another task.</source>
        <translation>Nhiệm vụ của đơn vị này không còn hoặc thuộc nhiệm vụ kế hoạch khác.</translation>
    </message>
    <message>
        <source>Choose the period.</source>
        <translation>Chọn kỳ báo cáo.</translation>
    </message>
    <message>
        <source>Choose a quarter from 1 to 4, a half from 1 to 2, or the whole year.</source>
        <translation>Chọn quý từ I đến IV, 6 tháng đầu hoặc cuối năm, hoặc cả năm.</translation>
    </message>
    <message>
        <source>{period} has not started yet; progress can only be recorded for periods under way.</source>
        <translation>{period} chưa bắt đầu; chỉ ghi tiến độ cho kỳ đang diễn ra hoặc đã qua.</translation>
    </message>
    <message>
        <source>Choose the status.</source>
        <translation>Chọn tình trạng thực hiện.</translation>
    </message>
    <message>
        <source>A task in progress is between 0 and 99 % done; if it is finished, choose the status Completed.</source>
        <translation>Nhiệm vụ đang triển khai có tỷ lệ từ 0 đến 99 %; nếu đã xong, chọn tình trạng Hoàn thành.</translation>
    </message>
    <message>
        <source>A completed task is 100 % done.</source>
        <translation>Nhiệm vụ hoàn thành có tỷ lệ 100 %.</translation>
    </message>
    <message>
        <source>A task not started yet is 0 % done.</source>
        <translation>Nhiệm vụ chưa triển khai có tỷ lệ 0 %.</translation>
    </message>
    <message>
        <source>A task carried out regularly has no percentage; leave it empty.</source>
        <translation>Nhiệm vụ thực hiện thường xuyên không tính tỷ lệ; để trống.</translation>
    </message>
    <message>
        <source>Describe what was done (required unless the task has not started).</source>
        <translation>Ghi kết quả đã thực hiện (bắt buộc, trừ khi nhiệm vụ chưa triển khai).</translation>
    </message>
    <message>
        <source>The report date cannot be before the period starts ({start}).</source>
        <translation>Ngày báo cáo không thể trước ngày đầu kỳ ({start}).</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Ngày này chưa tới.</translation>
    </message>
    <message>
        <source>Sessions and people reached are recorded for the plan&apos;s dissemination tasks (II.1) only.</source>
        <translation>Số buổi và số lượt người tham dự chỉ ghi cho các nhiệm vụ tuyên truyền, quán triệt của Kế hoạch (mục II.1).</translation>
    </message>
    <message>
        <source>The number of sessions is a whole number from 0 to {limit}.</source>
        <translation>Số buổi, hội nghị là số nguyên từ 0 đến {limit}.</translation>
    </message>
    <message>
        <source>The number of people reached is a whole number from 0 to {limit}.</source>
        <translation>Số lượt người tham dự là số nguyên từ 0 đến {limit}.</translation>
    </message>
    <message>
        <source>Document {row}: enter its number and symbol, or its summary.</source>
        <translation>Văn bản dòng {row}: nhập số, ký hiệu hoặc trích yếu.</translation>
    </message>
    <message>
        <source>Document {row}: {problem}</source>
        <translation>Văn bản dòng {row}: {problem}</translation>
    </message>
    <message>
        <source>A saved record keeps its period ({period}). Progress for another period is a new record; a record saved under the wrong period is corrected with its own action.</source>
        <translation>Báo cáo đã lưu giữ nguyên kỳ ({period}). Tiến độ của kỳ khác là một báo cáo mới; báo cáo ghi nhầm kỳ được sửa bằng thao tác riêng.</translation>
    </message>
    <message>
        <source>A saved record keeps its task ({task}). A record saved under the wrong task is corrected with its own action.</source>
        <translation>Báo cáo đã lưu giữ nguyên nhiệm vụ ({task}). Báo cáo ghi nhầm nhiệm vụ được sửa bằng thao tác riêng.</translation>
    </message>
    <message>
        <source>{task} already has a progress record for {period} (saved {when}). Open that record to change it.</source>
        <translation>Nhiệm vụ {task} đã có báo cáo tiến độ {period} (lưu ngày {when}). Hãy mở báo cáo đó để sửa.</translation>
    </message>
</context>
</TS>
