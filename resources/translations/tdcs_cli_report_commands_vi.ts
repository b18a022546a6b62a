<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>make a report as a PDF, an Excel workbook or a Word draft</source>
        <translation>lập báo cáo dạng PDF, sổ Excel hoặc bản dự thảo Word</translation>
    </message>
    <message>
        <source>Make a report as a PDF (an administrative document), an Excel workbook (one sheet per table) or a Word draft (.docx, the same document to finish in Word before signing). The format follows the extension of --out.</source>
        <translation>Lập báo cáo dạng PDF (văn bản hành chính), sổ Excel (mỗi bảng một trang tính) hoặc bản dự thảo Word (.docx, cùng văn bản đó để hoàn thiện trong Word trước khi ký). Định dạng theo phần mở rộng của --out.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>the report (see --list)</source>
        <translation>tên báo cáo (xem --list)</translation>
    </message>
    <message>
        <source>list the reports this office can make</source>
        <translation>liệt kê các báo cáo đơn vị này lập được</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>NĂM</translation>
    </message>
    <message>
        <source>the year the report covers</source>
        <translation>năm báo cáo</translation>
    </message>
    <message>
        <source>a quarter of the year (1-4)</source>
        <translation>quý trong năm (1-4)</translation>
    </message>
    <message>
        <source>a half of the year (1-2)</source>
        <translation>6 tháng đầu (1) hoặc cuối năm (2)</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>at the city: the commune the report covers (default: every commune)</source>
        <translation>ở cấp thành phố: xã, phường được báo cáo (mặc định: tất cả xã, phường)</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>TỔ</translation>
    </message>
    <message>
        <source>one savings-and-loan group&apos;s code or name (check-records, checks-due, overdue-loans; default: every group)</source>
        <translation>mã hoặc tên của một Tổ TK&amp;VV (check-records, checks-due, overdue-loans; mặc định: mọi tổ)</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>the file to write: .pdf, .xlsx or .docx</source>
        <translation>tệp cần ghi: .pdf, .xlsx hoặc .docx</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>NGÀY</translation>
    </message>
    <message>
        <source>the date printed on the document, dd/mm/yyyy (default: today)</source>
        <translation>ngày ghi trên văn bản, dd/mm/yyyy (mặc định: hôm nay)</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>the document&apos;s registered number</source>
        <translation>số văn bản đã đăng ký</translation>
    </message>
    <message>
        <source>RECIPIENT</source>
        <translation>NƠI_NHẬN</translation>
    </message>
    <message>
        <source>a recipient (Nơi nhận) for this document; repeat for several (default: the list kept on the Reports page, or the defaults)</source>
        <translation>một nơi nhận của văn bản này; lặp lại cho nhiều nơi nhận (mặc định: danh sách đã lưu ở trang Báo cáo, hoặc danh sách mặc định)</translation>
    </message>
    <message>
        <source>periods:</source>
        <translation>kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Report written: {path}</source>
        <translation>Đã ghi báo cáo: {path}</translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>Lưu ý: {warning}</translation>
    </message>
</context>
<context>
    <name>ReportCommands</name>
    <message>
        <source>Name the report to make (see: tdcs report --list).</source>
        <translation>Hãy ghi tên báo cáo cần lập (xem: tdcs report --list).</translation>
    </message>
    <message>
        <source>Give the year with --period, for example --period 2026.</source>
        <translation>Hãy ghi năm báo cáo bằng --period, ví dụ --period 2026.</translation>
    </message>
    <message>
        <source>Give the file to write with --out, ending in .pdf, .xlsx or .docx.</source>
        <translation>Hãy ghi tệp kết quả bằng --out, có đuôi .pdf, .xlsx hoặc .docx.</translation>
    </message>
</context>
</TS>
