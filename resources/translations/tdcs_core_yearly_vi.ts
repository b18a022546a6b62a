<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>YearFigures</name>
    <message>
        <source>Sessions held</source>
        <extracomment>The column of the yearly review that holds its entered estimate.</extracomment>
        <translation>Số buổi, hội nghị tuyên truyền, quán triệt</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>Số lượt người tham dự</translation>
    </message>
    <message>
        <source>Local budget entrusted to VBSP</source>
        <translation>Vốn ngân sách địa phương chuyển sang NHCSXH</translation>
    </message>
    <message>
        <source>Deposits and sponsorship received</source>
        <translation>Tiền gửi, tài trợ huy động được</translation>
    </message>
    <message>
        <source>Money received by the “Vì người nghèo” funds</source>
        <translation>Số tiền Quỹ “Vì người nghèo” tiếp nhận</translation>
    </message>
    <message>
        <source>Amount lent</source>
        <translation>Doanh số cho vay</translation>
    </message>
    <message>
        <source>Households lent to</source>
        <translation>Số hộ được vay vốn</translation>
    </message>
    <message>
        <source>Amount repaid</source>
        <translation>Doanh số thu nợ</translation>
    </message>
    <message>
        <source>Dissemination (plan II.1)</source>
        <extracomment>The column of the yearly review that says a group is estimated by the rule.</extracomment>
        <translation>Tuyên truyền, quán triệt (mục II.1)</translation>
    </message>
    <message>
        <source>Resources (plan II.4)</source>
        <translation>Nguồn lực (mục II.4)</translation>
    </message>
    <message>
        <source>Lending and repayment</source>
        <translation>Cho vay, thu nợ</translation>
    </message>
</context>
<context>
    <name>YearlyReview</name>
    <message>
        <source>The assessment of the year is written by the city office.</source>
        <translation>Đánh giá, phương hướng năm do Văn phòng cấp thành phố soạn.</translation>
    </message>
    <message>
        <source>The assessment of {year} is already written; open it to change it.</source>
        <translation>Đã có đánh giá năm {year}; hãy mở bản đó để sửa.</translation>
    </message>
    <message>
        <source>A whole number from 0 to {limit}.</source>
        <translation>Số nguyên từ 0 đến {limit}.</translation>
    </message>
</context>
</TS>
