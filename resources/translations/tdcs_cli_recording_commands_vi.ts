<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>print the year&apos;s fund statement, entrusted capital targets and task completion</source>
        <translation>in tình hình Quỹ, chỉ tiêu vốn ủy thác và kết quả thực hiện nhiệm vụ trong năm</translation>
    </message>
    <message>
        <source>the year (default: this year)</source>
        <translation>năm (mặc định: năm nay)</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>a commune code, 92 for the city office&apos;s own records, or all for every commune together (default: this office)</source>
        <translation>mã xã, phường; 92 cho số liệu của chính thành phố; hoặc all cho toàn bộ các xã, phường (mặc định: đơn vị này)</translation>
    </message>
    <message>
        <source>all communes</source>
        <translation>toàn bộ các xã, phường</translation>
    </message>
    <message>
        <source>the city office</source>
        <translation>thành phố</translation>
    </message>
    <message>
        <source>Overview of {year} — {unit}</source>
        <translation>Tổng quan năm {year} — {unit}</translation>
    </message>
    <message>
        <source>Figures of {sent}/{total} communes and wards (those that have sent theirs)</source>
        <translation>Số liệu của {sent}/{total} xã, phường đã gửi</translation>
    </message>
    <message>
        <source>&quot;Vì người nghèo&quot; fund: opening {opening}, receipts {receipts}, grants {spending}, closing {closing}; gifts in kind {in_kind}</source>
        <translation>Quỹ “Vì người nghèo”: số dư đầu năm {opening}, thu {receipts}, chi hỗ trợ {spending}, số dư cuối năm {closing}; hiện vật {in_kind}</translation>
    </message>
    <message>
        <source>Deposits {deposits}; sponsorship {sponsorship}</source>
        <translation>Tiền gửi {deposits}; tài trợ {sponsorship}</translation>
    </message>
    <message>
        <source>Entrusted capital transferred: {now} (year before {before}), growth {growth} — {status} (target ≥ 20 %); still needed {needed}</source>
        <translation>Vốn ngân sách ủy thác chuyển trong năm: {now} (năm trước {before}), tăng {growth} — {status} (chỉ tiêu ≥ 20 %); còn thiếu {needed}</translation>
    </message>
    <message>
        <source>Entrusted capital {entrusted} of total capital {total} = {share} — {status} (target ≥ 20 % by 2030); still needed {needed}</source>
        <translation>Vốn ủy thác {entrusted} trên tổng nguồn vốn {total} = {share} — {status} (chỉ tiêu ≥ 20 % đến năm 2030); còn thiếu {needed}</translation>
    </message>
    <message>
        <source>Plan tasks: {expected}; completed {completed}, carried out regularly {ongoing}, in progress {in_progress}, not started {not_started}, no record {missing}</source>
        <translation>Nhiệm vụ kế hoạch: {expected}; hoàn thành {completed}, thực hiện thường xuyên {ongoing}, đang triển khai {in_progress}, chưa triển khai {not_started}, chưa báo cáo {missing}</translation>
    </message>
    <message>
        <source>Loans on {day}: no balance data yet</source>
        <translation>Dư nợ đến ngày {day}: chưa có số liệu dư nợ</translation>
    </message>
    <message>
        <source>Loans on {day} (balance data of {data}): outstanding {outstanding}, {borrowers} borrowers and {loans} loans with a balance; overdue {overdue} ({overdue_ratio}); overdue and frozen {overdue_frozen} ({overdue_frozen_ratio}); {not_checked} loans not checked in the last 12 months</source>
        <translation>Dư nợ đến ngày {day} (số liệu dư nợ mới nhất ngày {data}): {outstanding}; {borrowers} người vay, {loans} khoản vay còn dư nợ; nợ quá hạn {overdue} ({overdue_ratio}); nợ quá hạn và nợ khoanh {overdue_frozen} ({overdue_frozen_ratio}); {not_checked} khoản vay chưa kiểm tra sử dụng vốn trong 12 tháng qua</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>{unit} is neither a commune code, 92 (the city office) nor all.</source>
        <translation>{unit} không phải mã xã, phường, 92 (thành phố) hay all.</translation>
    </message>
</context>
</TS>
