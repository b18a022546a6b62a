<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Bulletin</name>
    <message>
        <source>The file is empty (0 bytes). Ask for it to be sent again.</source>
        <extracomment>Items of one section in one bulletin. Versions of a city-issued record (the record store&apos;s bound). The sections a bulletin&apos;s ``counts`` names, in the order of the payload. Count targets (groups, loans) are at most this many. A programme rate, as the catalogue declares it.</extracomment>
        <translation>Tệp rỗng (0 byte). Hãy đề nghị gửi lại tệp.</translation>
    </message>
    <message>
        <source>This is not a bulletin from the city. Bulletins are files named ThongBao_….tdcsb that the city office sends to the communes.</source>
        <translation>Đây không phải thông báo của thành phố. Thông báo là tệp có tên ThongBao_….tdcsb do văn phòng thành phố gửi cho các xã, phường.</translation>
    </message>
    <message>
        <source>This is a sync file that a commune makes for the city, not a bulletin from the city.</source>
        <translation>Đây là tệp đồng bộ do xã, phường tạo để gửi thành phố, không phải thông báo của thành phố.</translation>
    </message>
    <message>
        <source>This is the city&apos;s receipt for a file, not a bulletin: import it with “Import the city&apos;s receipt…”.</source>
        <translation>Đây là biên nhận của thành phố cho một tệp, không phải thông báo: hãy nhập bằng “Nhập biên nhận của thành phố…”.</translation>
    </message>
    <message>
        <source>This bulletin was made by a newer version of TDCS (format {version}). Update TDCS on this computer, then import the bulletin again.</source>
        <translation>Thông báo này được tạo bằng phiên bản TDCS mới hơn (định dạng {version}). Hãy cập nhật TDCS trên máy này rồi nhập lại thông báo.</translation>
    </message>
    <message>
        <source>The bulletin is incomplete or damaged ({size} bytes): it was probably cut off while being copied or attached. Ask the city office to send it again. Nothing was changed.</source>
        <translation>Thông báo không đầy đủ hoặc bị hỏng ({size} byte): có lẽ tệp bị cắt khi sao chép hoặc đính kèm. Hãy đề nghị văn phòng thành phố gửi lại. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The file is too large ({size} MB; a bulletin is at most {limit} MB).</source>
        <translation>Tệp quá lớn ({size} MB; thông báo tối đa {limit} MB).</translation>
    </message>
    <message>
        <source>The bulletin is not in the expected form ({detail}). It was refused; nothing was changed.</source>
        <translation>Thông báo không đúng dạng quy định ({detail}). Thông báo bị từ chối; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The bulletin has far more parts than the {count} items it declares could have. It was refused without being read; nothing was changed.</source>
        <translation>Thông báo có nhiều thành phần hơn hẳn mức mà {count} mục được khai báo có thể có. Thông báo bị từ chối mà không đọc; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The bulletin says it holds {expected} items of {section}, but it holds {found}. It was refused; nothing was changed.</source>
        <translation>Thông báo ghi có {expected} mục {section} nhưng thực tế có {found}. Thông báo bị từ chối; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Bulletins are applied at commune offices; the city office makes them.</source>
        <translation>Thông báo được áp dụng tại văn phòng xã, phường; văn phòng thành phố là nơi tạo thông báo.</translation>
    </message>
    <message>
        <source>Import the city key first (Sync page, or: tdcs keys import-city FILE): without it a bulletin cannot be checked.</source>
        <translation>Hãy nhập khóa thành phố trước (trang Đồng bộ, hoặc: tdcs keys import-city TỆP): chưa có khóa thì không kiểm tra được thông báo.</translation>
    </message>
    <message>
        <source>The bulletin&apos;s signature is not the city&apos;s, or the bulletin was changed after the city signed it. It was refused; nothing was changed.</source>
        <translation>Chữ ký của thông báo không phải của thành phố, hoặc thông báo đã bị sửa sau khi thành phố ký. Thông báo bị từ chối; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>This bulletin is signed with a key (fingerprint {fingerprint}) other than the city key this office trusts (fingerprint {trusted}): it comes from another city, or the city changed its key. It was refused; nothing was changed. Check with the city office by phone.</source>
        <translation>Thông báo này được ký bằng một khóa (mã nhận dạng {fingerprint}) khác với khóa thành phố mà đơn vị tin cậy (mã nhận dạng {trusted}): thông báo đến từ thành phố khác, hoặc thành phố đã đổi khóa. Thông báo bị từ chối; không có gì thay đổi. Hãy gọi điện kiểm tra với văn phòng thành phố.</translation>
    </message>
    <message>
        <source>The content of the bulletin is not the one the city signed: it was tampered with. It was refused; nothing was changed.</source>
        <translation>Nội dung thông báo không phải nội dung thành phố đã ký: thông báo đã bị can thiệp. Thông báo bị từ chối; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The bulletin says it was issued on {date}, which cannot be right (between {start} and today). Ask the city office to check its computer&apos;s date and to make the bulletin again. Nothing was changed.</source>
        <translation>Thông báo ghi ngày phát hành {date}, điều này không thể đúng (phải từ {start} đến hôm nay). Hãy đề nghị văn phòng thành phố kiểm tra ngày giờ trên máy và tạo lại thông báo. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>This bulletin is addressed to {commune} ({code}), not to this office. It was refused; nothing was changed. Ask the city office for this commune&apos;s own bulletin.</source>
        <translation>Thông báo này gửi cho {commune} ({code}), không phải cho văn phòng này. Thông báo bị từ chối; không có gì thay đổi. Hãy đề nghị văn phòng thành phố gửi thông báo của đơn vị mình.</translation>
    </message>
    <message>
        <source>Bulletin no. {seq} was already applied on {date}. Nothing was changed.</source>
        <translation>Thông báo số {seq} đã được áp dụng lúc {date}. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Bulletin no. {seq} was already applied on {date}, and this file is a different copy of it. It was refused; nothing was changed. Ask the city office which copy is right.</source>
        <translation>Thông báo số {seq} đã được áp dụng lúc {date}, và tệp này là một bản khác của thông báo đó. Tệp bị từ chối; không có gì thay đổi. Hãy hỏi văn phòng thành phố bản nào đúng.</translation>
    </message>
    <message>
        <source>This is bulletin no. {seq}; no. {last}, which is newer, was applied on {date}. An older bulletin is never applied after a newer one (the newer one already holds everything the city decided). Nothing was changed.</source>
        <translation>Đây là thông báo số {seq}; thông báo số {last}, mới hơn, đã được áp dụng lúc {date}. Thông báo cũ không bao giờ được áp dụng sau thông báo mới (thông báo mới đã gồm mọi điều thành phố quyết định). Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>City of Cần Thơ, bulletin no. {seq}</source>
        <translation>Thành phố Cần Thơ, thông báo số {seq}</translation>
    </message>
    <message>
        <source>The bulletin could not be checked or applied because of an unexpected error ({error}). Nothing was changed; the details are in the log file (logs/tdcs.log). Please report it.</source>
        <translation>Không kiểm tra hoặc áp dụng được thông báo do một lỗi không lường trước ({error}). Không có gì thay đổi; chi tiết có trong tệp nhật ký (logs/tdcs.log). Xin báo lại lỗi này.</translation>
    </message>
    <message>
        <source>Targets assigned</source>
        <translation>Chỉ tiêu được giao</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Nhắc việc</translation>
    </message>
    <message>
        <source>Closed periods</source>
        <translation>Kỳ khóa sổ</translation>
    </message>
    <message>
        <source>Credit programmes</source>
        <translation>Chương trình cho vay</translation>
    </message>
    <message>
        <source>Rates and caps</source>
        <translation>Lãi suất, mức cho vay tối đa</translation>
    </message>
    <message>
        <source>Entrusted organisations</source>
        <translation>Tổ chức nhận ủy thác</translation>
    </message>
    <message>
        <source>Plan tasks</source>
        <translation>Nhiệm vụ của Kế hoạch</translation>
    </message>
    <message>
        <source>{year}: {kind}, {amount}</source>
        <translation>Năm {year}: {kind}, {amount}</translation>
    </message>
    <message>
        <source>{title} (act by {date})</source>
        <translation>{title} (hạn {date})</translation>
    </message>
    <message>
        <source>{period}, closed on {date}</source>
        <translation>{period}, khóa sổ ngày {date}</translation>
    </message>
    <message>
        <source>{programme} from {date}: {rate} a year</source>
        <translation>{programme} từ ngày {date}: {rate}/năm</translation>
    </message>
    <message>
        <source>{programme} from {date}: {rate} a year, at most {cap}</source>
        <translation>{programme} từ ngày {date}: {rate}/năm, tối đa {cap}</translation>
    </message>
    <message>
        <source>no rate</source>
        <translation>chưa có lãi suất</translation>
    </message>
    <message>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>thay đổi</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>bãi bỏ</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>Only the city office makes bulletins.</source>
        <translation>Chỉ văn phòng thành phố mới tạo thông báo.</translation>
    </message>
    <message>
        <source>{code} is not the code of one of the 103 communes and wards of Cần Thơ.</source>
        <translation>{code} không phải mã của một trong 103 xã, phường của Cần Thơ.</translation>
    </message>
    <message>
        <source>The bulletin cannot be made: what the city holds does not fit the bulletin&apos;s form ({reason}). Nothing was written.</source>
        <translation>Không tạo được thông báo: dữ liệu thành phố đang có không phù hợp với dạng của thông báo ({reason}). Chưa ghi tệp nào.</translation>
    </message>
</context>
<context>
    <name>Naming</name>
    <message>
        <source>Contract {contract} — {borrower}</source>
        <translation>Hợp đồng {contract} — {borrower}</translation>
    </message>
    <message>
        <source>Contract {contract}</source>
        <translation>Hợp đồng {contract}</translation>
    </message>
    <message>
        <source>{loan}, balance on {date}</source>
        <translation>{loan}, dư nợ ngày {date}</translation>
    </message>
    <message>
        <source>{loan}, checked on {date}</source>
        <translation>{loan}, kiểm tra ngày {date}</translation>
    </message>
    <message>
        <source>{group}, grade for {year}</source>
        <translation>{group}, xếp loại năm {year}</translation>
    </message>
    <message>
        <source>{organisation}, grade for {year}</source>
        <translation>{organisation}, xếp loại năm {year}</translation>
    </message>
    <message>
        <source>Document {number}</source>
        <translation>Văn bản số {number}</translation>
    </message>
    <message>
        <source>{who}, {amount}, {date}</source>
        <translation>{who}, {amount}, ngày {date}</translation>
    </message>
    <message>
        <source>Fund opening balance {year}</source>
        <translation>Số dư Quỹ đầu năm {year}</translation>
    </message>
    <message>
        <source>Entrusted capital {year}, decision {decision}, {amount}</source>
        <translation>Vốn ủy thác năm {year}, quyết định {decision}, {amount}</translation>
    </message>
    <message>
        <source>Total capital {year}</source>
        <translation>Tổng nguồn vốn năm {year}</translation>
    </message>
    <message>
        <source>(not received yet)</source>
        <translation>(chưa nhận được)</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>File {seq} from {commune} has not arrived.</source>
        <extracomment>The city&apos;s bulletin the commune had applied when it made the file (format 2). ``audit_log.record_type`` of enrolling (create) and forgetting (delete) a commune&apos;s key. File numbers that have not arrived, as inclusive ranges ``((2, 5), (7, 7))``: a file numbered 10⁹ costs one pair, never a list of 10⁹ numbers.</extracomment>
        <translation>Tệp số {seq} của {commune} chưa đến.</translation>
    </message>
    <message>
        <source>Files {seqs} from {commune} have not arrived.</source>
        <translation>Các tệp số {seqs} của {commune} chưa đến.</translation>
    </message>
    <message>
        <source>No file sent yet</source>
        <translation>Chưa gửi tệp nào</translation>
    </message>
    <message>
        <source>No file imported yet: every file was refused</source>
        <translation>Chưa nhập được tệp nào: các tệp đã gửi đều bị từ chối</translation>
    </message>
    <message>
        <source>No. {seq} (applied {date})</source>
        <translation>Số {seq} (áp dụng {date})</translation>
    </message>
    <message>
        <source>No. {seq} (applied {date}); no. {latest} not yet</source>
        <translation>Số {seq} (áp dụng {date}); chưa áp dụng số {latest}</translation>
    </message>
    <message>
        <source>None yet (no. {latest} made)</source>
        <translation>Chưa áp dụng (đã tạo số {latest})</translation>
    </message>
    <message>
        <source>{files} files wait for the commune&apos;s key to be confirmed (fingerprint {fingerprints})</source>
        <translation>{files} tệp chờ xác nhận khóa của đơn vị (mã nhận dạng {fingerprints})</translation>
    </message>
    <message>
        <source>This conflict no longer exists.</source>
        <translation>Xung đột này không còn nữa.</translation>
    </message>
    <message>
        <source>This conflict was already decided.</source>
        <translation>Xung đột này đã được xử lý.</translation>
    </message>
    <message>
        <source>The record has changed since the conflict was found (a newer version arrived). Nothing was changed; refresh the list.</source>
        <translation>Bản ghi đã thay đổi kể từ khi phát hiện xung đột (đã nhận phiên bản mới hơn). Chưa thay đổi gì; hãy tải lại danh sách.</translation>
    </message>
    <message>
        <source>This conflict is still waiting for a decision.</source>
        <translation>Xung đột này vẫn đang chờ quyết định.</translation>
    </message>
    <message>
        <source>A newer version from the commune closed this conflict; there is no decision to undo.</source>
        <translation>Xung đột này đã tự đóng khi xã, phường gửi phiên bản mới hơn; không có quyết định nào để hoàn tác.</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes). Ask for it to be sent again.</source>
        <extracomment>A bulletin from the city (:mod:`desktop.sync.bulletin`), recognised to be explained. Largest sync file accepted. A full snapshot of the largest commune (about 10 000 loans) is a few megabytes; the limit is far above that and far below what hurts a city PC. ``payload.json`` may unpack to at most this many times the archive&apos;s size (plus :data:`RATIO_ALLOWANCE`): genuine records compress about 4 times, since every record carries a random identifier; text packed a thousand times is a &quot;zip bomb&quot;. This keeps the memory an import takes in proportion to the file&apos;s size.</extracomment>
        <translation>Tệp rỗng (0 byte). Hãy đề nghị gửi lại tệp.</translation>
    </message>
    <message>
        <source>This is not a TDCS sync file. Sync files end in .tdcs and are made with “Create file for the city” at a commune.</source>
        <translation>Đây không phải tệp đồng bộ TDCS. Tệp đồng bộ có đuôi .tdcs, do xã, phường tạo bằng chức năng “Tạo tệp gửi thành phố”.</translation>
    </message>
    <message>
        <source>This is a receipt written by the city, not a sync file. Receipts are imported at the commune that sent the file.</source>
        <translation>Đây là biên nhận do thành phố lập, không phải tệp đồng bộ. Biên nhận được nhập tại xã, phường đã gửi tệp.</translation>
    </message>
    <message>
        <source>This is a bulletin that the city sends to the communes, not a sync file. Bulletins are applied at the communes (Sync page, or: tdcs bulletin import FILE).</source>
        <translation>Đây là thông báo thành phố gửi cho các xã, phường, không phải tệp đồng bộ. Thông báo được áp dụng tại xã, phường (trang Đồng bộ, hoặc: tdcs bulletin import TỆP).</translation>
    </message>
    <message>
        <source>This file was made by a newer version of TDCS (file format {version}). Update TDCS on this computer, then import the file again.</source>
        <translation>Tệp này được tạo bằng phiên bản TDCS mới hơn (định dạng tệp {version}). Hãy cập nhật TDCS trên máy này rồi nhập lại tệp.</translation>
    </message>
    <message>
        <source>The file is incomplete (only {size} bytes). It was probably cut off while being copied or attached; ask for it to be sent again.</source>
        <translation>Tệp không đầy đủ (chỉ có {size} byte), có thể đã bị cắt khi sao chép hoặc đính kèm. Hãy đề nghị gửi lại tệp.</translation>
    </message>
    <message>
        <source>The file is too large ({size} MB; at most {limit} MB). It is not a TDCS sync file.</source>
        <translation>Tệp quá lớn ({size} MB; tối đa {limit} MB). Đây không phải tệp đồng bộ TDCS.</translation>
    </message>
    <message>
        <source>This file was encrypted for another key than this office&apos;s. Either it is meant for another office, or the commune uses an old city key: send the commune the current city key file and ask for the file again.</source>
        <translation>Tệp này được mã hóa cho một khóa khác với khóa của đơn vị. Có thể tệp dành cho đơn vị khác, hoặc xã, phường đang dùng khóa thành phố cũ: hãy gửi cho xã, phường tệp khóa hiện hành của thành phố và đề nghị gửi lại tệp.</translation>
    </message>
    <message>
        <source>The file is damaged or was changed after it was made: it cannot be decrypted. Ask the commune to send the same file again.</source>
        <translation>Tệp bị hỏng hoặc đã bị sửa đổi sau khi tạo nên không giải mã được. Hãy đề nghị xã, phường gửi lại đúng tệp đó.</translation>
    </message>
    <message>
        <source>The inside of the file is not in the expected form. It was refused.</source>
        <translation>Nội dung bên trong tệp không đúng cấu trúc quy định. Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The file contains unexpected entries ({names}). Genuine TDCS files hold exactly manifest.json, manifest.sig and payload.json; this one was refused.</source>
        <translation>Tệp chứa các mục không hợp lệ ({names}). Tệp TDCS hợp lệ chỉ gồm đúng manifest.json, manifest.sig và payload.json; tệp này bị từ chối.</translation>
    </message>
    <message>
        <source>The entry {name} inside the file unpacks to more than {limit} MB (a “zip bomb”). The file was refused without unpacking it.</source>
        <translation>Mục {name} trong tệp khi giải nén sẽ lớn hơn {limit} MB (“bom nén”). Tệp bị từ chối mà không giải nén.</translation>
    </message>
    <message>
        <source>The city office receives sync files; it does not make them.</source>
        <translation>Thành phố là nơi nhận tệp đồng bộ, không tạo tệp đồng bộ.</translation>
    </message>
    <message>
        <source>This office does not have the city&apos;s key yet, so it cannot make a file for the city. Ask the city office for its key file (.tdcskey) and import it on the Sync page (or: tdcs keys import-city FILE).</source>
        <translation>Đơn vị chưa có khóa của thành phố nên chưa thể tạo tệp gửi thành phố. Hãy đề nghị thành phố gửi tệp khóa (.tdcskey) rồi nhập tệp đó tại trang Đồng bộ (hoặc: tdcs keys import-city TỆP).</translation>
    </message>
    <message>
        <source>Nothing has changed since file {seq} of {date}, so there is nothing to send. To send a complete copy anyway, make a full file.</source>
        <translation>Không có thay đổi nào kể từ tệp số {seq} ngày {date} nên không có gì để gửi. Nếu vẫn muốn gửi toàn bộ số liệu, hãy tạo bản đầy đủ.</translation>
    </message>
    <message>
        <source>There are no records to send yet. Enter the office&apos;s data first.</source>
        <translation>Chưa có bản ghi nào để gửi. Hãy nhập số liệu của đơn vị trước.</translation>
    </message>
    <message>
        <source>There is no file number {seq}.</source>
        <translation>Không có tệp số {seq}.</translation>
    </message>
    <message>
        <source>Cannot read the file {path}: {reason}</source>
        <translation>Không đọc được tệp {path}: {reason}</translation>
    </message>
    <message>
        <source>The file {path} is too large ({size} MB; at most {limit} MB). It was not read.</source>
        <translation>Tệp {path} quá lớn ({size} MB; tối đa {limit} MB) nên không được đọc.</translation>
    </message>
    <message>
        <source>Another import of files from {commune} is running on another computer (or in another window). This file was not imported and nothing was changed; import it again when that import has ended.</source>
        <translation>Một máy tính khác (hoặc một cửa sổ khác) đang nhập tệp của {commune}. Tệp này chưa được nhập và dữ liệu không thay đổi; hãy nhập lại khi lần nhập đó kết thúc.</translation>
    </message>
    <message>
        <source>Another import into the city&apos;s database is running (in another window or by the command line). This file was not imported and nothing was changed; import it again when that import has ended.</source>
        <translation>Một lần nhập khác vào cơ sở dữ liệu của thành phố đang chạy (trong một cửa sổ khác hoặc bằng dòng lệnh). Tệp này chưa được nhập và dữ liệu không thay đổi; hãy nhập lại khi lần nhập đó kết thúc.</translation>
    </message>
    <message>
        <source>This file was already imported on {date}. Nothing was changed.</source>
        <translation>Tệp này đã được nhập lúc {date}. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>File {seq} from {commune} was already imported on {date}, and this is a different copy of it (a replay). It was refused; nothing was changed.</source>
        <translation>Tệp số {seq} của {commune} đã được nhập lúc {date}; tệp này là một bản sao khác của tệp đó (gửi lặp lại). Tệp bị từ chối, không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Another file numbered {seq} from {commune} was already imported on {date}. The commune may have restored an old backup. Ask it to make a full file, which the city accepts whatever its number.</source>
        <translation>Một tệp khác mang số {seq} của {commune} đã được nhập lúc {date}. Có thể xã, phường đã phục hồi một bản sao lưu cũ. Hãy đề nghị xã, phường tạo bản đầy đủ; thành phố nhận bản đầy đủ dù mang số nào.</translation>
    </message>
    <message>
        <source>Not imported yet: the key that signed this file (fingerprint {fingerprint}) is not enrolled for {commune}. Call the commune, have it read the key fingerprint shown on its Sync page, and confirm that number (“Confirm the commune&apos;s key…”, or: tdcs keys confirm {code} FINGERPRINT); then import the file again. Until then it counts for nothing.</source>
        <translation>Chưa nhập: khóa ký tệp này (mã nhận dạng {fingerprint}) chưa được ghi nhận cho {commune}. Hãy gọi điện cho xã, phường, đề nghị đọc mã nhận dạng khóa hiển thị tại trang Đồng bộ của đơn vị, rồi xác nhận đúng số đó (“Xác nhận khóa của xã, phường…”, hoặc: tdcs keys confirm {code} MÃ_NHẬN_DẠNG); sau đó nhập lại tệp. Cho đến lúc đó, số liệu trong tệp chưa được tính.</translation>
    </message>
    <message>
        <source>The file could not be checked or imported because of an unexpected error ({error}). It was refused and nothing was changed; the details are in the log file (logs/tdcs.log). Please report it.</source>
        <translation>Không thể kiểm tra hoặc nhập tệp do một lỗi không mong đợi ({error}). Tệp bị từ chối, dữ liệu không thay đổi; chi tiết có trong tệp nhật ký (logs/tdcs.log). Đề nghị báo lỗi này.</translation>
    </message>
    <message>
        <source>This complete copy replaces what the city held for {commune}: {count} records the commune no longer has were marked deleted (the city keeps them in the history).</source>
        <translation>Bản đầy đủ này thay thế số liệu thành phố đang giữ của {commune}: {count} bản ghi mà đơn vị không còn nữa đã được đánh dấu xóa (thành phố vẫn lưu trong lịch sử).</translation>
    </message>
    <message>
        <source>This file does not follow on from file {seq} that the city has from {commune} (the commune may have restored a backup); records are still compared by version.</source>
        <translation>Tệp này không nối tiếp tệp số {seq} của {commune} mà thành phố đang có (có thể xã, phường đã phục hồi bản sao lưu); các bản ghi vẫn được so sánh theo phiên bản.</translation>
    </message>
    <message>
        <source>{count} records refer to records the city has not received yet (they are in a file that has not arrived).</source>
        <translation>{count} bản ghi liên quan đến bản ghi mà thành phố chưa nhận (nằm trong tệp chưa đến).</translation>
    </message>
    <message>
        <source>The city&apos;s data changed while the file was being imported ({type}). Nothing was imported; import the file again.</source>
        <translation>Số liệu của thành phố đã thay đổi trong lúc nhập tệp ({type}). Chưa nhập gì; hãy nhập lại tệp.</translation>
    </message>
    <message>
        <source>This is not a city key file. The city office makes it with “Export the city key” (tdcs keys export-city) and sends it to the communes.</source>
        <translation>Đây không phải tệp khóa của thành phố. Thành phố tạo tệp này bằng chức năng “Xuất khóa thành phố” (tdcs keys export-city) rồi gửi cho các xã, phường.</translation>
    </message>
    <message>
        <source>The city key file is damaged (its keys do not match its fingerprint). Ask for it again.</source>
        <translation>Tệp khóa thành phố bị hỏng (khóa không khớp với mã nhận dạng). Hãy đề nghị gửi lại.</translation>
    </message>
    <message>
        <source>The city key file holds a key that cannot be used (for example a key of zeros): files encrypted to it could be read by anyone. It was not imported. Ask the city office for its key file again.</source>
        <translation>Tệp khóa của Thành phố chứa một khóa không dùng được (ví dụ khóa toàn số 0): tệp mã hóa bằng khóa này thì ai cũng đọc được. Chưa nhập khóa. Hãy đề nghị Thành phố gửi lại tệp khóa.</translation>
    </message>
    <message>
        <source>This city key file was made by a newer version of TDCS. Update TDCS first.</source>
        <translation>Tệp khóa này được tạo bằng phiên bản TDCS mới hơn. Hãy cập nhật TDCS trước.</translation>
    </message>
    <message>
        <source>This is the city office: it makes the city key, it does not import one.</source>
        <translation>Đây là thành phố: thành phố tạo khóa của mình, không nhập khóa thành phố.</translation>
    </message>
    <message>
        <source>Only the city office has a city key.</source>
        <translation>Chỉ thành phố mới có khóa thành phố.</translation>
    </message>
    <message>
        <source>Only the city office confirms communes&apos; keys.</source>
        <translation>Chỉ thành phố mới xác nhận khóa của xã, phường.</translation>
    </message>
    <message>
        <source>{code} is not the code of one of the 103 communes and wards of Cần Thơ.</source>
        <translation>{code} không phải là mã của một trong 103 xã, phường của thành phố Cần Thơ.</translation>
    </message>
    <message>
        <source>A key fingerprint has 24 digits (six groups of four); what was typed has {count}. Type the number the commune reads out, for example 6152 4176 0562 6515 7586 5327.</source>
        <translation>Mã nhận dạng khóa gồm 24 chữ số (sáu nhóm, mỗi nhóm bốn số); số vừa nhập có {count} chữ số. Hãy nhập đúng số xã, phường đọc qua điện thoại, ví dụ 6152 4176 0562 6515 7586 5327.</translation>
    </message>
    <message>
        <source>The key of {commune} was confirmed on {date} (fingerprint {fingerprint}). If the commune reinstalled TDCS without a backup, forget that key first (on the Sync page, or: tdcs keys forget-commune {code}).</source>
        <translation>Khóa của {commune} đã được xác nhận ngày {date} (mã nhận dạng {fingerprint}). Nếu xã, phường đã cài lại TDCS mà không có bản sao lưu, hãy bỏ khóa đó trước (tại trang Đồng bộ, hoặc: tdcs keys forget-commune {code}).</translation>
    </message>
    <message>
        <source>No file from {commune} that waits here is signed with the key {fingerprint}. Check the number with the commune again (its Sync page shows it under “This office&apos;s key fingerprint”). Files waiting from this commune: {files}.</source>
        <translation>Không có tệp nào của {commune} đang chờ tại đây được ký bằng khóa có mã nhận dạng {fingerprint}. Hãy kiểm tra lại số này với xã, phường (trang Đồng bộ của đơn vị ghi ở mục “Mã nhận dạng khóa của đơn vị”). Số tệp của đơn vị đang chờ: {files}.</translation>
    </message>
    <message>
        <source>This key (fingerprint {fingerprint}) is already enrolled for {owner}. One key belongs to one commune: it cannot be enrolled for {commune}.</source>
        <translation>Khóa này (mã nhận dạng {fingerprint}) đã được ghi nhận cho {owner}. Mỗi khóa chỉ thuộc về một đơn vị nên không thể ghi nhận cho {commune}.</translation>
    </message>
    <message>
        <source>This office already has a city key with fingerprint {old}; the file holds a different key ({new}). Confirm the new fingerprint with the city by phone, then import it again choosing to replace the old key.</source>
        <translation>Đơn vị đang dùng khóa thành phố có mã nhận dạng {old}; tệp này chứa khóa khác ({new}). Hãy gọi điện cho thành phố để xác nhận mã nhận dạng mới, rồi nhập lại và chọn thay khóa cũ.</translation>
    </message>
    <message>
        <source>The description inside the file (manifest) is not in the expected form ({detail}). The file was refused.</source>
        <extracomment>The format versions this TDCS reads (1: before the manifest named the bulletin applied). File numbers: one a day for 2 700 years would not reach it. Change numbers (a commune makes a few thousand a year). Records of one type in one file (the largest commune has about 100 000). ``payload.json`` is at most this long (the ZIP member limit of the container). TDCS did not exist before this; a file &quot;made&quot; earlier comes from a wrong clock. How far ahead of the city&apos;s clock a file&apos;s time may be (clocks differ by minutes).</extracomment>
        <translation>Phần mô tả trong tệp (manifest) không đúng cấu trúc quy định ({detail}). Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The file says it was made on {date}, which cannot be right (a file is made between {start} and today). The computer clock of {commune} is probably wrong: ask the commune to set the right date and time, then make the file again. The file was refused.</source>
        <translation>Tệp ghi được tạo ngày {date}, điều này không thể đúng (tệp chỉ có thể được tạo từ ngày {start} đến hôm nay). Có lẽ đồng hồ máy tính của {commune} bị sai: hãy đề nghị đơn vị chỉnh lại ngày giờ rồi tạo lại tệp. Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>This file was made by a newer version of TDCS (sync format {version}; this TDCS reads format {known}). Update TDCS on this computer, then import the file again.</source>
        <translation>Tệp này được tạo bằng phiên bản TDCS mới hơn (định dạng đồng bộ {version}; phiên bản này đọc được định dạng {known}). Hãy cập nhật TDCS trên máy này rồi nhập lại tệp.</translation>
    </message>
    <message>
        <source>The records inside the file are not in the expected form ({detail}). Refused.</source>
        <extracomment>Brackets, braces and commas inside text may add to a payload&apos;s structure at most one for every this many bytes (genuine text has far fewer); see :func:`check_structure`.</extracomment>
        <translation>Các bản ghi trong tệp không đúng cấu trúc quy định ({detail}). Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The file holds records of a kind this version of TDCS does not know ({type}). It was probably made by a newer TDCS: update TDCS here, then import it again.</source>
        <translation>Tệp có loại bản ghi mà phiên bản TDCS này không biết ({type}), có thể do phiên bản mới hơn tạo ra. Hãy cập nhật TDCS tại đây rồi nhập lại tệp.</translation>
    </message>
    <message>
        <source>The file lists the records of kind {type} twice. Refused.</source>
        <translation>Tệp liệt kê hai lần các bản ghi loại {type}. Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The records inside the file have far more parts than the {count} records it declares could have. The file was refused without being read.</source>
        <translation>Phần bản ghi trong tệp không đúng cấu trúc quy định: có nhiều thành phần hơn hẳn số mà {count} bản ghi tệp khai báo có thể có. Tệp bị từ chối mà không đọc.</translation>
    </message>
    <message>
        <source>This is not a receipt from the city. Receipts are files named BienNhan_….tdcsr that the city sends back after importing a file.</source>
        <translation>Đây không phải biên nhận của thành phố. Biên nhận là tệp có tên BienNhan_….tdcsr do thành phố gửi lại sau khi nhập tệp.</translation>
    </message>
    <message>
        <source>This is a sync file, not a receipt. Sync files are sent to the city; the city sends back a receipt (BienNhan_….tdcsr).</source>
        <translation>Đây là tệp đồng bộ, không phải biên nhận. Tệp đồng bộ được gửi về thành phố; thành phố sẽ gửi lại biên nhận (BienNhan_….tdcsr).</translation>
    </message>
    <message>
        <source>This receipt was made by a newer version of TDCS. Update TDCS, then import it again.</source>
        <translation>Biên nhận này được tạo bằng phiên bản TDCS mới hơn. Hãy cập nhật TDCS rồi nhập lại.</translation>
    </message>
    <message>
        <source>Import the city key first: without it a receipt cannot be checked.</source>
        <translation>Hãy nhập khóa thành phố trước: chưa có khóa thì không kiểm tra được biên nhận.</translation>
    </message>
    <message>
        <source>The receipt&apos;s signature is not the city&apos;s (or the receipt was changed). It was not accepted.</source>
        <translation>Chữ ký trên biên nhận không phải của thành phố (hoặc biên nhận đã bị sửa). Biên nhận không được chấp nhận.</translation>
    </message>
    <message>
        <source>This receipt is for unit {code}, not for this office. It was not accepted.</source>
        <translation>Biên nhận này dành cho đơn vị {code}, không phải đơn vị này. Biên nhận không được chấp nhận.</translation>
    </message>
    <message>
        <source>This receipt is for file {seq}, which does not match any file made here. It was not accepted.</source>
        <translation>Biên nhận này dành cho tệp số {seq}, không khớp với tệp nào đã tạo tại đây. Biên nhận không được chấp nhận.</translation>
    </message>
    <message>
        <source>The receipt says the city imported the file on {date}, which cannot be right. It was not accepted: ask the city office to check its computer&apos;s date and to send the receipt again.</source>
        <translation>Biên nhận ghi thành phố đã nhập tệp ngày {date}, điều này không thể đúng. Biên nhận không được chấp nhận: hãy đề nghị thành phố kiểm tra ngày giờ trên máy tính và gửi lại biên nhận.</translation>
    </message>
    <message>
        <source>Receipts are imported at commune offices.</source>
        <translation>Biên nhận được nhập tại xã, phường.</translation>
    </message>
    <message>
        <source>No imported file has number {id} in the ledger.</source>
        <translation>Sổ theo dõi không có tệp đã nhập nào mang số {id}.</translation>
    </message>
    <message>
        <source>No receipt was written for ledger line {id}.</source>
        <translation>Chưa lập biên nhận cho dòng số {id} của sổ nhận tệp.</translation>
    </message>
    <message>
        <source>Expected text.</source>
        <extracomment>The range of a whole number whose column declares no facts. Codes of catalogue entries (references without a declared length) hold at most this much. Identifiers as TDCS writes them (``str(uuid4())``), one per line. Whitespace at the end of a line, which :func:`clean_multiline` removes. The columns every travelling record has (``SyncedRecord``): none may be left out.</extracomment>
        <translation>Phải là chữ.</translation>
    </message>
    <message>
        <source>Expected a whole number.</source>
        <translation>Phải là số nguyên.</translation>
    </message>
    <message>
        <source>Expected true or false.</source>
        <translation>Phải là có hoặc không (true/false).</translation>
    </message>
    <message>
        <source>Expected a date written as YYYY-MM-DD.</source>
        <translation>Phải là ngày viết dạng NNNN-TT-NN (năm-tháng-ngày).</translation>
    </message>
    <message>
        <source>Expected a time written as YYYY-MM-DD hh:mm:ss.</source>
        <translation>Phải là thời điểm viết dạng NNNN-TT-NN gg:pp:ss.</translation>
    </message>
    <message>
        <source>The time must be between {start} and {end}.</source>
        <translation>Thời điểm phải nằm trong khoảng năm {start} đến năm {end}.</translation>
    </message>
    <message>
        <source>“{value}” is not one of the allowed values.</source>
        <translation>“{value}” không phải là giá trị được phép.</translation>
    </message>
    <message>
        <source>Not a record identifier (UUID).</source>
        <translation>Không phải mã định danh bản ghi (UUID).</translation>
    </message>
    <message>
        <source>Blank, but a record of this kind must have it.</source>
        <translation>Đang để trống, nhưng loại bản ghi này bắt buộc phải có.</translation>
    </message>
    <message>
        <source>The change number {value} is not among the changes the file covers (after {after}, up to {through}).</source>
        <translation>Số thứ tự thay đổi {value} không thuộc phạm vi thay đổi mà tệp bao gồm (sau {after}, đến {through}).</translation>
    </message>
    <message>
        <source>The record is marked deleted ({deleted}) before it was created ({created}).</source>
        <translation>Bản ghi được đánh dấu xóa ({deleted}) trước thời điểm được tạo ({created}).</translation>
    </message>
    <message>
        <source>The record does not have one value per column.</source>
        <translation>Bản ghi không có đủ một giá trị cho mỗi cột.</translation>
    </message>
    <message>
        <source>The same record appears more than once in the file.</source>
        <translation>Cùng một bản ghi xuất hiện nhiều lần trong tệp.</translation>
    </message>
    <message>
        <source>The record belongs to unit {owner}, not to the commune that sent the file.</source>
        <translation>Bản ghi thuộc đơn vị {owner}, không thuộc xã, phường đã gửi tệp.</translation>
    </message>
    <message>
        <source>“{value}” is not in the city&apos;s catalogue ({table}).</source>
        <translation>“{value}” không có trong danh mục của thành phố ({table}).</translation>
    </message>
    <message>
        <source>Refers to a record of another unit ({owner}).</source>
        <translation>Liên kết tới bản ghi của đơn vị khác ({owner}).</translation>
    </message>
    <message>
        <source>The file has a field this version of TDCS does not know ({type}: {field}). It was probably made by a newer TDCS: update TDCS here, then import it again.</source>
        <translation>Tệp có trường thông tin mà phiên bản TDCS này không biết ({type}: {field}), có thể do phiên bản mới hơn tạo ra. Hãy cập nhật TDCS tại đây rồi nhập lại tệp.</translation>
    </message>
    <message>
        <source>The file lacks the field {field} of {type}, which cannot be left out. Refused.</source>
        <translation>Tệp thiếu trường bắt buộc {field} của {type}. Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The file carries personal data that must stay at the commune ({type}: {field}). It was refused; the commune should update TDCS and make the file again.</source>
        <translation>Tệp chứa dữ liệu cá nhân phải lưu tại xã, phường, không được gửi đi ({type}: {field}). Tệp bị từ chối; xã, phường cần cập nhật TDCS và tạo lại tệp.</translation>
    </message>
    <message>
        <source>Only the city office imports sync files. This office is a commune office.</source>
        <extracomment>A file with more problems than this is not worth listing further. Every record carries a random identifier (122 random bits) that no compression shrinks below 16 bytes: a file declaring more records than its size allows is refused before its records are read (plus an allowance for small files).</extracomment>
        <translation>Chỉ thành phố mới nhập tệp đồng bộ. Đơn vị này là xã, phường.</translation>
    </message>
    <message>
        <source>This office has no city key yet, so no file can have been encrypted for it. Make the key first (tdcs keys init-city) and send the key file to the communes.</source>
        <translation>Đơn vị chưa có khóa thành phố nên không tệp nào có thể được mã hóa cho đơn vị. Hãy tạo khóa trước (tdcs keys init-city) và gửi tệp khóa cho các xã, phường.</translation>
    </message>
    <message>
        <source>The file&apos;s signature does not match its content: it was changed after the commune made it, or it was not made by TDCS. It was refused.</source>
        <translation>Chữ ký số của tệp không khớp với nội dung: tệp đã bị sửa sau khi xã, phường tạo, hoặc không do TDCS tạo ra. Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The file was made for another city key than this office&apos;s. It was refused.</source>
        <translation>Tệp được tạo cho một khóa thành phố khác với khóa của đơn vị. Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The records in the file are not the ones the commune signed (their fingerprint differs from the signed description). The file was tampered with and was refused.</source>
        <translation>Các bản ghi trong tệp không phải là các bản ghi xã, phường đã ký (mã băm khác với phần mô tả đã ký). Tệp đã bị can thiệp và bị từ chối.</translation>
    </message>
    <message>
        <source>The file says it comes from unit {code}, which is not one of the 103 communes and wards of Cần Thơ. It was refused.</source>
        <translation>Tệp ghi là của đơn vị {code}, không thuộc 103 xã, phường của thành phố Cần Thơ. Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The file from {commune} is signed with a different key (fingerprint {new}) from the one confirmed for that commune on {date} (fingerprint {old}). It was refused. If the commune says by phone that it reinstalled TDCS without a backup, forget the old key on the Sync page (tdcs keys forget-commune {code}); its files then wait until its new key is confirmed.</source>
        <translation>Tệp của {commune} được ký bằng một khóa khác (mã nhận dạng {new}) với khóa đã xác nhận cho đơn vị này ngày {date} (mã nhận dạng {old}). Tệp bị từ chối. Nếu xã, phường cho biết qua điện thoại là đã cài lại TDCS mà không có bản sao lưu, hãy bỏ khóa cũ tại trang Đồng bộ (tdcs keys forget-commune {code}); sau đó các tệp của đơn vị sẽ chờ đến khi khóa mới được xác nhận.</translation>
    </message>
    <message>
        <source>The file says it comes from {commune}, but it is signed with the key enrolled for {owner} (fingerprint {fingerprint}). One key belongs to one commune: the file was refused.</source>
        <translation>Tệp ghi là của {commune}, nhưng được ký bằng khóa đã ghi nhận cho {owner} (mã nhận dạng {fingerprint}). Mỗi khóa chỉ thuộc về một đơn vị: tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The file was made by a newer version of TDCS (database version {version}). Update TDCS at the city, then import the file again.</source>
        <translation>Tệp được tạo bằng phiên bản TDCS mới hơn (phiên bản cơ sở dữ liệu {version}). Hãy cập nhật TDCS tại thành phố rồi nhập lại tệp.</translation>
    </message>
    <message>
        <source>The file&apos;s description says it holds {expected} records of kind {type}, but it holds {found}. The file is not consistent and was refused.</source>
        <translation>Phần mô tả của tệp ghi có {expected} bản ghi loại {type} nhưng thực tế có {found}. Tệp không nhất quán và bị từ chối.</translation>
    </message>
    <message>
        <source>{count} records in the file are not acceptable, so the file was refused and nothing was imported. First problems:
{problems}</source>
        <translation>{count} bản ghi trong tệp không hợp lệ nên tệp bị từ chối, không nhập bản ghi nào. Các lỗi đầu tiên:
{problems}</translation>
    </message>
</context>
</TS>
