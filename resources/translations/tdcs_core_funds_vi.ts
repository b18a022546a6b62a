<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Funds</name>
    <message>
        <source>The money cannot be transferred before the decision ({day}).</source>
        <translation>Ngày chuyển vốn không thể trước ngày quyết định ({day}).</translation>
    </message>
    <message>
        <source>This date should be in {year} or {previous}.</source>
        <translation>Ngày này phải thuộc năm {year} hoặc năm {previous}.</translation>
    </message>
    <message>
        <source>The figures of {year} are dated in {year} or in the first half of {next}.</source>
        <translation>Số liệu năm {year} phải có ngày trong năm {year} hoặc trong 6 tháng đầu năm {next}.</translation>
    </message>
    <message>
        <source>The entrusted balance cannot be larger than the total capital.</source>
        <translation>Vốn ủy thác không thể lớn hơn tổng nguồn vốn.</translation>
    </message>
    <message>
        <source>Central, entrusted and mobilised capital together ({parts} đ) cannot be larger than the total capital.</source>
        <translation>Vốn Trung ương, vốn ủy thác và vốn huy động cộng lại ({parts} đ) không thể lớn hơn tổng nguồn vốn.</translation>
    </message>
    <message>
        <source>Unknown credit programme {code}.</source>
        <translation>Không có chương trình cho vay {code}.</translation>
    </message>
    <message>
        <source>The total capital of {year} is already recorded; change that one instead.</source>
        <translation>Tổng nguồn vốn năm {year} đã được nhập; hãy sửa số liệu đã có.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Ngày này chưa tới.</translation>
    </message>
    <message>
        <source>Choose one.</source>
        <translation>Hãy chọn một mục.</translation>
    </message>
    <message>
        <source>The term is a whole number of months from {low} to {high}.</source>
        <translation>Kỳ hạn là số tháng nguyên, từ {low} đến {high}.</translation>
    </message>
    <message>
        <source>A sponsorship has no term; leave the term empty.</source>
        <translation>Khoản tài trợ không có kỳ hạn; để trống kỳ hạn.</translation>
    </message>
    <message>
        <source>Say what was given (goods or works); the amount is its estimated value.</source>
        <translation>Ghi rõ hiện vật hoặc công trình đóng góp; số tiền là giá trị ước tính.</translation>
    </message>
    <message>
        <source>The campaign year must be {year} or the year before or after it.</source>
        <translation>Năm vận động phải là năm {year} hoặc năm liền trước, liền sau.</translation>
    </message>
    <message>
        <source>Receipt {receipt} is already used for {donor} on {day}.</source>
        <translation>Số biên nhận {receipt} đã dùng cho khoản đóng góp của {donor} ngày {day}.</translation>
    </message>
    <message>
        <source>The decision cannot be dated after the payment ({day}).</source>
        <translation>Ngày quyết định không thể sau ngày chi ({day}).</translation>
    </message>
    <message>
        <source>This hamlet is no longer in the list.</source>
        <translation>Ấp, khu vực này không còn trong danh sách.</translation>
    </message>
    <message>
        <source>The opening balance of {year} is already recorded; change that one instead.</source>
        <translation>Số dư đầu năm {year} đã được nhập; hãy sửa số liệu đã có.</translation>
    </message>
    <message>
        <source>On track</source>
        <extracomment>Transfers each year at least 20 % above the year before. Entrusted capital at least 20 % of total capital … … by the end of 2030.</extracomment>
        <translation>Đạt chỉ tiêu</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>Not enough data</source>
        <translation>Chưa đủ số liệu</translation>
    </message>
</context>
</TS>
