<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>argparse</name>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>thiếu tham số bắt buộc: %s</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>không hiểu tham số: %s</translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>tham số %(argument_name)s: %(message)s</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>giá trị không hợp lệ: %(value)r (chọn một trong: %(choices)s)</translation>
    </message>
    <message>
      <source>invalid %(type)s value: %(value)r</source>
      <translation>giá trị %(type)s không hợp lệ: %(value)r</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>cần một giá trị</translation>
    </message>
    <message>
      <source>expected at most one argument</source>
      <translation>cần nhiều nhất một giá trị</translation>
    </message>
    <message>
      <source>expected at least one argument</source>
      <translation>cần ít nhất một giá trị</translation>
    </message>
    <message>
      <source>not allowed with argument %s</source>
      <translation>không được dùng cùng tham số %s</translation>
    </message>
    <message>
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>tùy chọn không rõ: %(option)s có thể là %(matches)s</translation>
    </message>
    <message>
      <source>one of the arguments %s is required</source>
      <translation>cần một trong các tham số %s</translation>
    </message>
    <message>
      <source>ignored explicit argument %r</source>
      <translation>bỏ qua giá trị %r</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>hiện hướng dẫn này rồi thoát</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>tham số</translation>
    </message>
    <message>
      <source>options</source>
      <translation>tùy chọn</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>Cách dùng: </translation>
    </message>
  </context>
</TS>