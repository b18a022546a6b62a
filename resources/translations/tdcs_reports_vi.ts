<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Recipients</name>
    <message>
        <source>At most {count} recipients.</source>
        <extracomment>Reports about the loans the commune supervises: they go to those who act on them.</extracomment>
        <translation>Tối đa {count} nơi nhận.</translation>
    </message>
    <message>
        <source>A recipient takes at most {limit} characters: {start}…</source>
        <translation>Mỗi nơi nhận ghi tối đa {limit} ký tự: {start}…</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>There is no report named {name}. The reports are: {names}.</source>
        <translation>Không có báo cáo tên {name}. Các báo cáo hiện có: {names}.</translation>
    </message>
    <message>
        <source>The report {name} is made by the city office.</source>
        <translation>Báo cáo {name} do cơ quan cấp thành phố lập.</translation>
    </message>
    <message>
        <source>The report {name} is made by a commune or ward office.</source>
        <translation>Báo cáo {name} do Ủy ban nhân dân xã, phường lập.</translation>
    </message>
    <message>
        <source>The report {name} covers only these periods: {kinds}.</source>
        <translation>Báo cáo {name} chỉ lập cho các kỳ: {kinds}.</translation>
    </message>
    <message>
        <source>{code} is not one of the 103 communes and wards of Cần Thơ.</source>
        <translation>{code} không phải là một trong 103 xã, phường của Cần Thơ.</translation>
    </message>
    <message>
        <source>The report {name} covers one commune or ward: choose which.</source>
        <translation>Báo cáo {name} lập cho một xã, phường: hãy chọn xã, phường.</translation>
    </message>
    <message>
        <source>The report {name} covers every commune and ward; it is not made for one of them.</source>
        <translation>Báo cáo {name} tổng hợp chung cho mọi xã, phường, không lập riêng cho một xã, phường.</translation>
    </message>
    <message>
        <source>{period} has not started on {day}, the date on the document.</source>
        <translation>{period} chưa bắt đầu vào ngày {day}, ngày ghi trên văn bản.</translation>
    </message>
    <message>
        <source>The report {name} is not made for one savings-and-loan group.</source>
        <translation>Báo cáo {name} không lập cho từng Tổ TK&amp;VV.</translation>
    </message>
    <message>
        <source>A savings-and-loan group belongs to one commune: choose the commune too.</source>
        <translation>Mỗi Tổ TK&amp;VV thuộc một xã, phường: hãy chọn cả xã, phường.</translation>
    </message>
    <message>
        <source>This office reports on its own commune only ({own}); choosing another commune is for the city office.</source>
        <translation>Đơn vị này chỉ báo cáo số liệu của xã, phường mình ({own}); việc chọn xã, phường khác do cơ quan cấp thành phố thực hiện.</translation>
    </message>
    <message>
        <source>Save the report as a .pdf, .xlsx or .docx file (the format follows the extension): {name}</source>
        <translation>Hãy lưu báo cáo thành tệp .pdf, .xlsx hoặc .docx (định dạng theo phần mở rộng): {name}</translation>
    </message>
</context>
</TS>
