<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>the city&apos;s bulletins to the communes: targets, catalogue, closed periods, notices</source>
        <translation>thông báo của thành phố gửi các xã, phường: chỉ tiêu, danh mục, kỳ khóa sổ, nhắc việc</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>LỆNH</translation>
    </message>
    <message>
        <source>make the next bulletin: one file for every commune, or one per commune (city)</source>
        <translation>tạo thông báo tiếp theo: một tệp chung cho mọi xã, phường hoặc mỗi xã, phường một tệp (thành phố)</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>one file for this commune, with its own targets (repeat for more communes); without it, one file for every commune, without targets</source>
        <translation>một tệp riêng cho xã, phường này, kèm chỉ tiêu của xã, phường (lặp lại cho nhiều xã, phường); nếu không có, tạo một tệp chung cho mọi xã, phường, không kèm chỉ tiêu</translation>
    </message>
    <message>
        <source>one file for each of the 103 communes, each with its own targets</source>
        <translation>mỗi xã, phường trong 103 xã, phường một tệp, kèm chỉ tiêu của từng nơi</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>the folder to write the files into</source>
        <translation>thư mục ghi các tệp</translation>
    </message>
    <message>
        <source>check and apply a bulletin from the city (commune)</source>
        <translation>kiểm tra và áp dụng thông báo của thành phố (xã, phường)</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>the bulletin file (.tdcsb)</source>
        <translation>tệp thông báo (.tdcsb)</translation>
    </message>
    <message>
        <source>only check the bulletin and show what it would change</source>
        <translation>chỉ kiểm tra thông báo và cho biết sẽ thay đổi những gì</translation>
    </message>
    <message>
        <source>the bulletins made (city) or applied (commune)</source>
        <translation>các thông báo đã tạo (thành phố) hoặc đã áp dụng (xã, phường)</translation>
    </message>
    <message>
        <source>Bulletin no. {seq}: {count} file(s) written.</source>
        <translation>Thông báo số {seq}: đã ghi {count} tệp.</translation>
    </message>
    <message>
        <source>Note: targets travel only in a commune&apos;s own file; to send them, make one file per commune (--each, or --commune CODE).</source>
        <translation>Lưu ý: chỉ tiêu chỉ được gửi trong tệp riêng của từng xã, phường; muốn gửi chỉ tiêu, hãy tạo mỗi xã, phường một tệp (--each, hoặc --commune MÃ).</translation>
    </message>
    <message>
        <source>to {commune}</source>
        <translation>gửi {commune}</translation>
    </message>
    <message>
        <source>to every commune</source>
        <translation>gửi tất cả xã, phường</translation>
    </message>
    <message>
        <source>Bulletin no. {seq} of the city, issued {date}, {to}</source>
        <translation>Thông báo số {seq} của thành phố, phát hành {date}, {to}</translation>
    </message>
    <message>
        <source>{new} new, {changed} changed, {removed} withdrawn, {unchanged} unchanged</source>
        <translation>{new} mới, {changed} thay đổi, {removed} bãi bỏ, {unchanged} không đổi</translation>
    </message>
    <message>
        <source>Checked: the bulletin can be applied (nothing was changed).</source>
        <translation>Đã kiểm tra: thông báo có thể áp dụng (chưa thay đổi gì).</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Đã áp dụng.</translation>
    </message>
    <message>
        <source>REFUSED: {reason}</source>
        <translation>BỊ TỪ CHỐI: {reason}</translation>
    </message>
    <message>
        <source>No bulletin has been made yet.</source>
        <translation>Chưa tạo thông báo nào.</translation>
    </message>
    <message>
        <source>every commune</source>
        <translation>tất cả xã, phường</translation>
    </message>
    <message>
        <source>No bulletin from the city has been applied yet.</source>
        <translation>Chưa áp dụng thông báo nào của thành phố.</translation>
    </message>
    <message>
        <source>issued {issued}, applied {applied}</source>
        <translation>phát hành {issued}, áp dụng {applied}</translation>
    </message>
</context>
</TS>
