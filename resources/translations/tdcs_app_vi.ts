<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Server</name>
    <message>
        <source>“{url}” is not the address of a PostgreSQL database. Write it as postgresql://USER@SERVER:5432/DATABASE.</source>
        <translation>“{url}” không phải địa chỉ của một cơ sở dữ liệu PostgreSQL. Hãy viết theo dạng postgresql://NGƯỜI_DÙNG@MÁY_CHỦ:5432/TÊN_CSDL.</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached ({reason}). Check that the server is on and PostgreSQL runs there, that this computer is on the office network, and the server&apos;s name and port.</source>
        <translation>Không kết nối được máy chủ cơ sở dữ liệu {server} ({reason}). Hãy kiểm tra máy chủ đã bật và PostgreSQL đang chạy trên đó, máy tính này đã vào mạng của cơ quan, và tên, cổng của máy chủ.</translation>
    </message>
    <message>
        <source>The server {server} asks for the password of the user {user}.</source>
        <translation>Máy chủ {server} yêu cầu mật khẩu của người dùng {user}.</translation>
    </message>
    <message>
        <source>The server {server} refused the password of the user {user}: the password is wrong (or the user does not exist).</source>
        <translation>Máy chủ {server} không chấp nhận mật khẩu của người dùng {user}: sai mật khẩu (hoặc không có người dùng này).</translation>
    </message>
    <message>
        <source>The server {server} does not let the user {user} in from this computer ({reason}). Its administrator must allow it (pg_hba.conf).</source>
        <translation>Máy chủ {server} không cho người dùng {user} kết nối từ máy tính này ({reason}). Người quản trị máy chủ cần cho phép (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The server {server} has no database named {database}. Its administrator creates it first: createdb --owner {user} {database}</source>
        <translation>Máy chủ {server} không có cơ sở dữ liệu tên {database}. Người quản trị máy chủ cần tạo trước: createdb --owner {user} {database}</translation>
    </message>
    <message>
        <source>The user {user} may not create tables in the database {database}. Its administrator makes the user the database&apos;s owner: ALTER DATABASE {database} OWNER TO {user} (and of its schema public).</source>
        <translation>Người dùng {user} không có quyền tạo bảng trong cơ sở dữ liệu {database}. Người quản trị máy chủ cần giao quyền sở hữu cho người dùng này: ALTER DATABASE {database} OWNER TO {user} (và cả schema public).</translation>
    </message>
    <message>
        <source>The database {database} already holds tables of another program. Use an empty database for TDCS.</source>
        <translation>Cơ sở dữ liệu {database} đã có bảng của một chương trình khác. Hãy dùng một cơ sở dữ liệu trống cho TDCS.</translation>
    </message>
    <message>
        <source>The database {database} is already set up for the office “{office}”, a commune or ward. A database on a server can only be the city&apos;s.</source>
        <translation>Cơ sở dữ liệu {database} đã được thiết lập cho đơn vị “{office}” (một xã, phường). Cơ sở dữ liệu trên máy chủ chỉ dùng cho Thành phố.</translation>
    </message>
    <message>
        <source>The database {database} was written by a newer version of TDCS. Install that version on this computer first.</source>
        <translation>Cơ sở dữ liệu {database} do một phiên bản TDCS mới hơn ghi. Hãy cài phiên bản đó trên máy tính này trước.</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>A commune or ward office keeps its database in this computer&apos;s own file; a database on a PostgreSQL server can only be the city&apos;s.</source>
        <translation>Xã, phường lưu dữ liệu trong tệp trên chính máy tính này; cơ sở dữ liệu trên máy chủ PostgreSQL chỉ dùng cho Thành phố.</translation>
    </message>
</context>
</TS>
