<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>CapitalForm</name>
    <message>
        <source>Total capital of the year</source>
        <translation>Tổng nguồn vốn trong năm</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Total capital</source>
        <translation>Tổng nguồn vốn</translation>
    </message>
    <message>
        <source>As VBSP reports it at the end of the year, e.g. 17.590 tỷ.</source>
        <translation>Theo số liệu NHCSXH cuối năm, ví dụ 17.590 tỷ.</translation>
    </message>
    <message>
        <source>Of which local entrusted capital</source>
        <translation>Trong đó vốn ngân sách địa phương ủy thác</translation>
    </message>
    <message>
        <source>Leave empty if VBSP did not give it; the transfers recorded are then used as an estimate.</source>
        <translation>Để trống nếu NHCSXH chưa cung cấp; khi đó lấy tổng số vốn đã chuyển để ước tính.</translation>
    </message>
    <message>
        <source>Of which central capital</source>
        <translation>Trong đó nguồn vốn Trung ương</translation>
    </message>
    <message>
        <source>Optional: the bank&apos;s capital from the central budget.</source>
        <translation>Không bắt buộc: nguồn vốn Trung ương của NHCSXH.</translation>
    </message>
    <message>
        <source>Of which mobilised capital</source>
        <translation>Trong đó nguồn vốn huy động</translation>
    </message>
    <message>
        <source>Optional: deposits and members&apos; savings the bank mobilised.</source>
        <translation>Không bắt buộc: tiền gửi, tiết kiệm của thành viên Tổ TK&amp;VV mà NHCSXH huy động.</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>Số liệu đến ngày</translation>
    </message>
    <message>
        <source>Source of the figures</source>
        <translation>Nguồn số liệu</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>ContributionForm</name>
    <message>
        <source>There is already an identical contribution: {donor}, {amount}, received on {day}.</source>
        <translation>Đã có một khoản đóng góp giống hệt: {donor}, {amount}, nhận ngày {day}.</translation>
    </message>
    <message>
        <source>There is already an identical contribution: {donor}, {amount}, received on {day}, receipt {receipt}.</source>
        <translation>Đã có một khoản đóng góp giống hệt: {donor}, {amount}, nhận ngày {day}, số biên nhận {receipt}.</translation>
    </message>
    <message>
        <source>If this is another gift, go back and enter its receipt number. Save it anyway?</source>
        <translation>Nếu đây là một khoản đóng góp khác, hãy quay lại ghi số biên nhận. Vẫn lưu?</translation>
    </message>
    <message>
        <source>Not saved: the same gift is already recorded. If this is another one, enter its receipt number.</source>
        <translation>Chưa lưu: khoản đóng góp này đã được ghi. Nếu là khoản khác, hãy ghi số biên nhận.</translation>
    </message>
    <message>
        <source>New contribution</source>
        <translation>Thêm khoản đóng góp</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Khoản đóng góp</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Người, đơn vị đóng góp</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>In đồng, e.g. 500.000 or 1,5 triệu; for gifts in kind, the estimated value.</source>
        <translation>Tính bằng đồng, ví dụ 500.000 hoặc 1,5 triệu; với hiện vật, ghi giá trị ước tính.</translation>
    </message>
    <message>
        <source>Gift in kind / works</source>
        <translation>Hiện vật, công trình</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Campaign year</source>
        <translation>Năm vận động</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Số biên nhận</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>DepositForm</name>
    <message>
        <source>New deposit or sponsorship</source>
        <translation>Thêm tiền gửi, tài trợ</translation>
    </message>
    <message>
        <source>Deposit or sponsorship</source>
        <translation>Tiền gửi, tài trợ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Organisation or person</source>
        <translation>Tổ chức, cá nhân</translation>
    </message>
    <message>
        <source>Organisation or individual</source>
        <translation>Tổ chức hay cá nhân</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>no term</source>
        <translation>không kỳ hạn</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Kỳ hạn</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>FundStatementView</name>
    <message>
        <source>Receipts count money (cash and transfers) by the date received; gifts in kind are shown at their estimated value but are not money in the fund.</source>
        <translation>Số thu gồm tiền mặt và chuyển khoản, tính theo ngày nhận; hiện vật chỉ ghi giá trị ước tính, không cộng vào số dư Quỹ.</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Contributions by month in:</source>
        <translation>Đóng góp theo tháng, năm:</translation>
    </message>
    <message>
        <source>The fund&apos;s closing balance is below zero in {years} ({balance} in {last}): more was paid out than the fund held. Check the grants, the contributions and the opening balance.</source>
        <translation>Số dư cuối năm của quỹ bị âm trong năm {years} ({balance} năm {last}): số đã chi nhiều hơn số tiền quỹ có. Đề nghị kiểm tra các khoản chi, các khoản đóng góp và số dư đầu năm.</translation>
    </message>
</context>
<context>
    <name>FundsPage</name>
    <message>
        <source>Contributions to the fund</source>
        <translation>Đóng góp Quỹ</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Người, đơn vị đóng góp</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Gift in kind / works</source>
        <translation>Hiện vật, công trình</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Số biên nhận</translation>
    </message>
    <message>
        <source>Campaign year</source>
        <translation>Năm vận động</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>the contribution of {donor} ({amount}, {day})</source>
        <translation>khoản đóng góp của {donor} ({amount}, ngày {day})</translation>
    </message>
    <message>
        <source>Deposits and sponsorship</source>
        <translation>Tiền gửi, tài trợ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Organisation or person</source>
        <translation>Tổ chức, cá nhân</translation>
    </message>
    <message>
        <source>Organisation or individual</source>
        <translation>Tổ chức hay cá nhân</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Kỳ hạn (tháng)</translation>
    </message>
    <message>
        <source>the record of {party} ({amount}, {day})</source>
        <translation>khoản tiền gửi, tài trợ của {party} ({amount}, ngày {day})</translation>
    </message>
    <message>
        <source>Entrusted capital transfers</source>
        <translation>Chuyển vốn ủy thác</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Budget level</source>
        <translation>Cấp ngân sách</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Date transferred</source>
        <translation>Ngày chuyển vốn</translation>
    </message>
    <message>
        <source>Programme funded</source>
        <translation>Chương trình cho vay</translation>
    </message>
    <message>
        <source>the transfer of {amount} for {year}</source>
        <translation>khoản chuyển vốn {amount} năm {year}</translation>
    </message>
    <message>
        <source>Total capital by year</source>
        <translation>Tổng nguồn vốn theo năm</translation>
    </message>
    <message>
        <source>Total capital</source>
        <translation>Tổng nguồn vốn</translation>
    </message>
    <message>
        <source>Of which local entrusted capital</source>
        <translation>Trong đó vốn ngân sách địa phương ủy thác</translation>
    </message>
    <message>
        <source>Of which central capital</source>
        <translation>Trong đó nguồn vốn Trung ương</translation>
    </message>
    <message>
        <source>Of which mobilised capital</source>
        <translation>Trong đó nguồn vốn huy động</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>Số liệu đến ngày</translation>
    </message>
    <message>
        <source>Source of the figures</source>
        <translation>Nguồn số liệu</translation>
    </message>
    <message>
        <source>the total capital of {year}</source>
        <translation>tổng nguồn vốn năm {year}</translation>
    </message>
    <message>
        <source>Transferred in the year</source>
        <translation>Vốn chuyển trong năm</translation>
    </message>
    <message>
        <source>Growth on the year before</source>
        <translation>Tăng so với năm trước</translation>
    </message>
    <message>
        <source>Growth target ≥ 20 %</source>
        <translation>Chỉ tiêu tăng ≥ 20 %</translation>
    </message>
    <message>
        <source>Still needed for +20 %</source>
        <translation>Còn thiếu để tăng 20 %</translation>
    </message>
    <message>
        <source>Entrusted capital</source>
        <translation>Vốn ủy thác</translation>
    </message>
    <message>
        <source>Share of total capital</source>
        <translation>Tỷ trọng trong tổng nguồn vốn</translation>
    </message>
    <message>
        <source>Share target ≥ 20 % by 2030</source>
        <translation>Chỉ tiêu tỷ trọng ≥ 20 % đến năm 2030</translation>
    </message>
    <message>
        <source>Still needed for 20 %</source>
        <translation>Còn thiếu để đạt 20 %</translation>
    </message>
    <message>
        <source>Entrusted capital targets</source>
        <translation>Chỉ tiêu vốn ủy thác</translation>
    </message>
    <message>
        <source>Contributions &amp; capital</source>
        <translation>Đóng góp &amp; nguồn vốn</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Đóng góp</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Chi hỗ trợ</translation>
    </message>
    <message>
        <source>Statement by year</source>
        <translation>Thu chi theo năm</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Số dư đầu năm</translation>
    </message>
    <message>
        <source>&quot;Vì người nghèo&quot; fund</source>
        <translation>Quỹ “Vì người nghèo”</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Chuyển vốn</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Entrusted budget capital</source>
        <translation>Vốn ngân sách ủy thác</translation>
    </message>
    <message>
        <source>The fund was below zero after {count} grant(s), at its lowest {balance} on {day} (in red in the column “Fund balance after the day”). Check the grants, the contributions and the opening balance.</source>
        <translation>Quỹ bị âm sau {count} khoản chi, thấp nhất {balance} ngày {day} (tô đỏ ở cột “Số dư quỹ cuối ngày chi”). Đề nghị kiểm tra các khoản chi, các khoản đóng góp và số dư đầu năm.</translation>
    </message>
    <message>
        <source>Grants from the fund</source>
        <translation>Chi hỗ trợ từ Quỹ</translation>
    </message>
    <message>
        <source>Date paid</source>
        <translation>Ngày chi</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người, hộ nhận hỗ trợ</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Nội dung hỗ trợ</translation>
    </message>
    <message>
        <source>Fund balance after the day</source>
        <translation>Số dư quỹ cuối ngày chi</translation>
    </message>
    <message>
        <source>the grant to {recipient} ({amount}, {day})</source>
        <translation>khoản chi hỗ trợ {recipient} ({amount}, ngày {day})</translation>
    </message>
    <message>
        <source>Opening balances of the fund</source>
        <translation>Số dư đầu năm của Quỹ</translation>
    </message>
    <message>
        <source>Balance on 1 January</source>
        <translation>Số dư ngày 01/01</translation>
    </message>
    <message>
        <source>the opening balance of {year}</source>
        <translation>số dư đầu năm {year}</translation>
    </message>
    <message>
        <source>Receipts (money)</source>
        <translation>Thu (tiền)</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>Số dư cuối năm</translation>
    </message>
    <message>
        <source>Gifts in kind (estimated, not in the balance)</source>
        <translation>Hiện vật (ước tính, không tính vào số dư)</translation>
    </message>
    <message>
        <source>Declared minus carried forward</source>
        <translation>Chênh lệch số khai so với số chuyển sang</translation>
    </message>
    <message>
        <source>Fund statement</source>
        <translation>Thu chi Quỹ Vì người nghèo</translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <source>Plan II.4: each year the local budget transfers at least 20 % more than the year before, and by 2030 entrusted capital is at least 20 % of total capital. “Still needed” is what would have to be added to reach each target.</source>
        <translation>Kế hoạch, mục II.4: hằng năm vốn ngân sách địa phương ủy thác năm sau cao hơn năm trước tối thiểu 20 %, và đến năm 2030 chiếm tối thiểu 20 % tổng nguồn vốn. “Còn thiếu” là số vốn cần bổ sung để đạt từng chỉ tiêu.</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Entrusted capital of {years} is estimated from the transfers recorded (VBSP gave no balance).</source>
        <translation>Vốn ủy thác năm {years} được ước tính từ số vốn đã chuyển (NHCSXH chưa cung cấp số dư).</translation>
    </message>
</context>
<context>
    <name>OpeningForm</name>
    <message>
        <source>Opening balance of the fund</source>
        <translation>Số dư đầu năm của Quỹ</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Balance on 1 January</source>
        <translation>Số dư ngày 01/01</translation>
    </message>
    <message>
        <source>Declare it once, for the first year recorded in TDCS; later years carry the closing balance forward.</source>
        <translation>Chỉ khai một lần, cho năm đầu tiên ghi nhận trên TDCS; các năm sau tự chuyển số dư cuối năm trước sang.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>SpendingForm</name>
    <message>
        <source>The fund&apos;s balance on {day} is {balance}. This grant of {amount} is larger: it would take the fund {shortfall} below zero.</source>
        <translation>Số dư quỹ ngày {day} là {balance}. Khoản chi {amount} lớn hơn số dư: quỹ sẽ bị âm {shortfall}.</translation>
    </message>
    <message>
        <source>No opening balance of the fund is recorded for {year} or before: if the fund held money before it was recorded in TDCS, enter it in the Opening balance tab.</source>
        <translation>Chưa nhập số dư đầu năm của quỹ cho năm {year} hoặc các năm trước: nếu quỹ đã có tiền trước khi ghi vào TDCS, hãy nhập ở thẻ Số dư đầu năm.</translation>
    </message>
    <message>
        <source>Save this grant anyway?</source>
        <translation>Vẫn lưu khoản chi này?</translation>
    </message>
    <message>
        <source>Not saved: larger than the fund&apos;s balance on {day} ({balance}).</source>
        <translation>Chưa lưu: lớn hơn số dư quỹ ngày {day} ({balance}).</translation>
    </message>
    <message>
        <source>New grant</source>
        <translation>Thêm khoản chi hỗ trợ</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Khoản chi hỗ trợ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người, hộ nhận hỗ trợ</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Nội dung hỗ trợ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Date paid</source>
        <translation>Ngày chi</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>TransferForm</name>
    <message>
        <source>New transfer of entrusted capital</source>
        <translation>Thêm khoản chuyển vốn ủy thác</translation>
    </message>
    <message>
        <source>Transfer of entrusted capital</source>
        <translation>Khoản chuyển vốn ủy thác</translation>
    </message>
    <message>
        <source>For the year</source>
        <translation>Kế hoạch vốn năm</translation>
    </message>
    <message>
        <source>Budget level</source>
        <translation>Cấp ngân sách</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>In đồng, e.g. 1.500.000.000 or 1,5 tỷ.</source>
        <translation>Tính bằng đồng, ví dụ 1.500.000.000 hoặc 1,5 tỷ.</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Date transferred</source>
        <translation>Ngày chuyển vốn</translation>
    </message>
    <message>
        <source>Programme funded</source>
        <translation>Chương trình cho vay</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
</TS>
