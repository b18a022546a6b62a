"""Building blocks for synthetic Vietnamese names used by demo and test data.

Names are assembled at random from common family names, middle names and given names, so
they read naturally but belong to nobody; ID numbers are generated the same way.
"""

FAMILY_NAMES = (
    "Nguyễn Nguyễn Nguyễn Trần Trần Lê Lê Phạm Huỳnh Võ Phan Trương Bùi Đặng Đỗ Ngô Hồ "
    "Dương Đinh Lâm Lý Thạch Danh Sơn Châu Tô Mai Quách Hà Lưu Tạ Kim Triệu Thái Cao"
).split()

MIDDLE_NAMES_MALE = "Văn Văn Văn Hữu Minh Thanh Quốc Công Đức Hoàng Tấn Chí Ngọc Phước".split()
MIDDLE_NAMES_FEMALE = "Thị Thị Thị Ngọc Thanh Kim Mỹ Hồng Thu Bích Diễm Cẩm Tuyết".split()

GIVEN_NAMES_MALE = (
    "An Bình Cường Dũng Đạt Đông Hải Hào Hiếu Hòa Hùng Huy Khang Khánh Lâm Lộc Long Minh "
    "Nam Nghĩa Nhân Phát Phong Phúc Quang Sang Sơn Tài Tâm Thắng Thành Thiện Toàn Trí Trung "
    "Tuấn Vinh Vũ Tùng Kiệt Hậu Lợi Tín"
).split()

GIVEN_NAMES_FEMALE = (
    "Anh Ánh Bích Châu Diễm Dung Duyên Giang Hà Hạnh Hằng Hoa Hồng Huệ Hương Lan Liên Linh "
    "Loan Mai My Ngân Nga Ngọc Nhi Nhung Oanh Phượng Quyên Sương Tâm Thảo Thủy Thư Trang "
    "Trinh Tuyết Vân Xuân Yến Đào Lệ"
).split()

HAMLET_NAMES = (
    "Thới Thạnh",
    "Tân Lợi",
    "Long Hòa",
    "Phú An",
    "Mỹ Khánh",
    "Nhơn Bình",
    "Thuận Hưng",
    "Định Phước",
    "Trường Hiệp",
    "Thành Đông",
    "Tây Trung",
    "Lộc Xuân",
    "Vĩnh Qui",
    "Thới Lai",
    "Mỹ Phụng",
    "Tân Quới",
)

ENTERPRISE_PREFIXES = (
    "Công ty TNHH",
    "Công ty Cổ phần",
    "Doanh nghiệp tư nhân",
    "Hợp tác xã",
    "Cửa hàng",
)
ENTERPRISE_WORDS = (
    "Thủy sản Miền Tây",
    "Lúa gạo Sông Hậu",
    "Xây dựng Phú Cường",
    "Vật tư Nông nghiệp Hòa Bình",
    "Dịch vụ Tân Tiến",
    "Thương mại Mỹ Phát",
    "Chế biến Trái cây Cửu Long",
    "Vận tải Hưng Thịnh",
    "Điện máy Thanh Tâm",
    "Dược phẩm An Khang",
)
ORGANISATION_NAMES = (
    "Ban Công tác Mặt trận",
    "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh",
    "Đoàn Thanh niên",
    "Trường Tiểu học",
    "Trạm Y tế",
    "Chi bộ",
    "Hội Chữ thập đỏ",
    "Hội Người cao tuổi",
)
