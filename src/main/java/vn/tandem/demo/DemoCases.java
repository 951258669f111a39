package vn.tandem.demo;

import static vn.tandem.casefile.CaseType.COMPLAINT;
import static vn.tandem.casefile.CaseType.DENUNCIATION;
import static vn.tandem.casefile.CaseType.INCIDENT;
import static vn.tandem.casefile.CaseType.PETITION;
import static vn.tandem.casefile.Channel.GRASSROOTS;
import static vn.tandem.casefile.Channel.HOTLINE;
import static vn.tandem.casefile.Channel.LETTER;
import static vn.tandem.casefile.Channel.ONLINE;
import static vn.tandem.casefile.Channel.RECEPTION;

import java.util.List;
import vn.tandem.demo.DemoData.Spec;
import vn.tandem.demo.DemoData.Stage;
import vn.tandem.intake.IntakeForm.PetitionerForm;

/** The demo cases: realistic grievances and incidents at every stage, some overdue, some under monitoring. */
final class DemoCases {

    private static final String CA = "officer.congan";
    private static final String DV = "officer.danvan";
    private static final String CA_MX = "officer.congan.minhxuan";
    private static final String DV_MX = "officer.danvan.minhxuan";

    private DemoCases() {
    }

    private static PetitionerForm p(String name, String id, String phone, String address) {
        return new PetitionerForm(name, id, phone, address, false);
    }

    static List<Spec> all() {
        return List.of(
            new Spec(CA, "CA-YENSON", COMPLAINT, RECEPTION, "Tranh chấp đất đai giữa hai hộ dân thôn Đồng Bùa",
                "Hai hộ gia đình tranh chấp ranh giới thửa đất số 112, đã xảy ra xô xát nhẹ; đề nghị chính quyền giải quyết dứt điểm.",
                2, false, List.of(p("Nguyễn Văn Tám", "008076001234", "0912345678", "Thôn Đồng Bùa, xã Yên Sơn")), Stage.IMPLEMENTING, 40),
            new Spec(DV, "DV-HAMYEN", COMPLAINT, LETTER, "Khiếu nại về mức bồi thường giải phóng mặt bằng dự án đường tỉnh 189",
                "Các hộ dân thôn Làng Chẵng cho rằng đơn giá bồi thường đất vườn thấp hơn giá thị trường, đề nghị xem xét lại.",
                12, false, List.of(p("Hoàng Văn Sáng", "008081004567", "0987654321", "Thôn Làng Chẵng, xã Hàm Yên"),
                    p("Ma Thị Hương", null, "0977123456", "Thôn Làng Chẵng, xã Hàm Yên")), Stage.MONITORING, 70),
            new Spec(CA, "CA-TINH", DENUNCIATION, LETTER, "Tố cáo hành vi nhận tiền để làm hồ sơ cấp giấy chứng nhận",
                "Người tố cáo phản ánh một cán bộ địa chính có dấu hiệu nhận tiền của người dân để làm nhanh hồ sơ.",
                1, false, List.of(p("Người tố cáo (bảo mật)", "008090007777", "0901111222", "Phường Minh Xuân")), Stage.VERIFYING, 6),
            new Spec(CA_MX, "CA-MINHXUAN", INCIDENT, GRASSROOTS, "Tụ tập đông người tại khu tái định cư Minh Xuân",
                "Khoảng 20 người dân tụ tập tại trụ sở khu tái định cư phản đối việc chậm bàn giao đất tái định cư.",
                20, false, List.of(p("Lý Văn Quang", "008079002222", "0913222333", "Tổ 5, phường Minh Xuân")), Stage.RECEIVED, 1),
            new Spec(DV_MX, "DV-MINHXUAN", PETITION, RECEPTION, "Kiến nghị sửa chữa tuyến đường ngõ 12 tổ 8",
                "Người dân kiến nghị sửa chữa tuyến đường ngõ 12 bị sụt lún, gây mất an toàn giao thông.",
                3, false, List.of(p("Trần Thị Bích", null, "0968555444", "Tổ 8, phường Minh Xuân")), Stage.RESOLVED, 30),
            new Spec(CA, "CA-CHIEMHOA", INCIDENT, HOTLINE, "Mâu thuẫn giữa người dân và doanh nghiệp khai thác cát",
                "Người dân thôn Bản Túm ngăn cản xe chở cát vì lo ngại sạt lở bờ sông, nguy cơ xung đột.",
                15, false, List.of(p("Quan Văn Thành", "008072003333", "0915666777", "Thôn Bản Túm, xã Chiêm Hóa")), Stage.APPROVING, 12),
            new Spec(DV, "DV-TINH", COMPLAINT, ONLINE, "Khiếu nại quyết định thu hồi đất nông nghiệp",
                "Ông Vũ Văn Hải khiếu nại quyết định thu hồi 1.200 m² đất nông nghiệp, cho rằng chưa được thông báo đầy đủ.",
                1, true, List.of(p("Vũ Văn Hải", "008068004444", "0903444555", "Xã Yên Sơn")), Stage.PROPOSING, 20),
            new Spec(CA, "CA-YENSON", PETITION, GRASSROOTS, "Phản ánh tình trạng đánh bạc tại khu vực chợ Yên Sơn",
                "Qua nắm tình hình cơ sở, phát hiện nhóm đối tượng thường xuyên tụ tập đánh bạc vào buổi tối.",
                0, false, List.of(p("Tổ an ninh cơ sở thôn 3", null, null, "Thôn 3, xã Yên Sơn")), Stage.STABILIZED, 45),
            new Spec(DV, "DV-YENSON", COMPLAINT, RECEPTION, "Tranh chấp đất rừng giữa thôn Khuôn Khán và công ty lâm nghiệp",
                "Người dân cho rằng diện tích rừng đã được giao khoán từ năm 1995 nhưng nay bị công ty thu hồi.",
                8, false, List.of(p("Đinh Văn Lực", "008070005555", "0914777888", "Thôn Khuôn Khán, xã Yên Sơn")), Stage.RETURNED, 18),
            new Spec(CA, "CA-TINH", COMPLAINT, LETTER, "Khiếu nại việc xử phạt vi phạm hành chính về giao thông",
                "Công dân khiếu nại quyết định xử phạt do cho rằng không vi phạm lỗi vượt đèn đỏ.",
                1, false, List.of(p("Phan Minh Đức", "008095006666", "0936888999", "Phường Minh Xuân")), Stage.TRANSFERRED, 8),
            new Spec(DV, "DV-TINH", PETITION, ONLINE, "Kiến nghị về chế độ hỗ trợ người có công",
                "Gia đình ông Lương Văn Bảy kiến nghị xem xét lại chế độ trợ cấp người có công với cách mạng.",
                1, false, List.of(p("Lương Văn Bảy", "008050007777", "0944111222", "Xã Hàm Yên")), Stage.REFUSED, 9),
            new Spec(CA, "CA-YENSON", COMPLAINT, RECEPTION, "Tranh chấp đất đai thôn Đồng Bùa (đơn trùng)",
                "Hộ ông Nguyễn Văn Tám tiếp tục gửi đơn với cùng nội dung tranh chấp ranh giới thửa đất số 112.",
                1, false, List.of(p("Nguyễn Văn Tám", "008076001234", "0912345678", "Thôn Đồng Bùa, xã Yên Sơn")), Stage.MERGED, 5),
            new Spec(DV, "DV-CHIEMHOA", COMPLAINT, RECEPTION, "Khiếu nại kéo dài về tiền hỗ trợ tái định cư thủy điện",
                "Nhóm hộ dân tái định cư thủy điện khiếu nại nhiều lần về khoản hỗ trợ ổn định đời sống chưa nhận đủ.",
                25, true, List.of(p("Ma Văn Chung", "008066008888", "0917222444", "Xã Chiêm Hóa"),
                    p("Hà Thị Nhung", null, "0917333555", "Xã Chiêm Hóa")), Stage.MONITORING, 35),
            new Spec(CA, "CA-HAMYEN", INCIDENT, HOTLINE, "Xô xát tại đám cưới thôn Nà Vài",
                "Xô xát giữa hai nhóm thanh niên tại đám cưới, 02 người bị thương nhẹ; cần ngăn ngừa trả thù.",
                6, false, List.of(p("Trưởng thôn Nà Vài", null, "0978999000", "Thôn Nà Vài, xã Hàm Yên")), Stage.IMPLEMENTING, 14),
            new Spec(DV, "DV-TINH", PETITION, LETTER, "Phản ánh ô nhiễm môi trường từ cơ sở chế biến gỗ",
                "Người dân phản ánh bụi và tiếng ồn từ xưởng chế biến gỗ hoạt động cả ban đêm.",
                10, false, List.of(p("Nông Thị Tuyết", "008085009999", "0966777888", "Xã Yên Sơn")), Stage.VERIFYING, 13),
            new Spec(CA, "CA-TINH", DENUNCIATION, ONLINE, "Tố cáo hoạt động cho vay lãi nặng",
                "Tố cáo một nhóm đối tượng cho vay với lãi suất 30%/tháng và đe dọa người vay.",
                1, false, List.of(p("Người tố cáo (bảo mật)", "008088001111", "0909000111", "Xã Hàm Yên")), Stage.RECEIVED, 12),
            new Spec(DV_MX, "DV-MINHXUAN", COMPLAINT, RECEPTION, "Khiếu nại về việc cấp giấy phép xây dựng",
                "Hộ liền kề khiếu nại giấy phép xây dựng nhà 5 tầng gây ảnh hưởng đến nhà ở của mình.",
                2, false, List.of(p("Đỗ Thị Hạnh", "008077002345", "0988123123", "Tổ 3, phường Minh Xuân")), Stage.VERIFYING, 3),
            new Spec(CA_MX, "CA-MINHXUAN", INCIDENT, GRASSROOTS, "Nguy cơ mất an ninh trật tự tại bãi tập kết rác",
                "Người dân tổ 10 phản đối việc đặt điểm tập kết rác, có dấu hiệu kêu gọi chặn xe rác.",
                9, false, List.of(p("Tạ Văn Hòa", null, "0912999888", "Tổ 10, phường Minh Xuân")), Stage.PROPOSING, 7),
            new Spec(DV, "DV-HAMYEN", PETITION, RECEPTION, "Kiến nghị hỗ trợ hộ nghèo sau thiên tai",
                "Các hộ nghèo thôn Bản Chang kiến nghị hỗ trợ khắc phục nhà ở bị hư hỏng sau lũ quét.",
                7, false, List.of(p("Triệu Văn Sinh", "008082003456", "0945678901", "Thôn Bản Chang, xã Hàm Yên")), Stage.RESOLVED, 25),
            new Spec(CA, "CA-CHIEMHOA", COMPLAINT, LETTER, "Khiếu nại việc giữ phương tiện vi phạm",
                "Công dân khiếu nại việc tạm giữ xe mô tô quá thời hạn quy định.",
                1, false, List.of(p("Lò Văn Tiến", "008093004567", "0932456789", "Xã Chiêm Hóa")), Stage.APPROVING, 4),
            new Spec(DV, "DV-YENSON", PETITION, GRASSROOTS, "Phản ánh tình trạng truyền đạo trái phép",
                "Qua nắm tình hình, phát hiện một số người lạ đến thôn tuyên truyền đạo trái pháp luật.",
                0, false, List.of(p("Chi hội Phụ nữ thôn 7", null, null, "Thôn 7, xã Yên Sơn")), Stage.RECEIVED, 2),
            new Spec(CA, "CA-TINH", COMPLAINT, RECEPTION, "Khiếu nại về việc đăng ký thường trú",
                "Công dân khiếu nại việc từ chối đăng ký thường trú tại nhà thuê.",
                1, false, List.of(p("Trịnh Thu Trang", "008096005678", "0963456789", "Phường Minh Xuân")), Stage.RECEIVED, 14),
            new Spec(DV, "DV-TINH", COMPLAINT, ONLINE, "Khiếu nại chậm chi trả tiền bồi thường dự án khu công nghiệp",
                "Người dân khiếu nại việc chậm chi trả tiền bồi thường hơn 6 tháng dù đã bàn giao mặt bằng.",
                30, true, List.of(p("Hoàng Văn Định", "008069006789", "0919876543", "Xã Yên Sơn")), Stage.MONITORING, 8),
            new Spec(CA, "CA-YENSON", INCIDENT, HOTLINE, "Tranh chấp lối đi chung giữa các hộ dân",
                "Tranh chấp lối đi chung dẫn đến việc xây tường chắn, nguy cơ xô xát.",
                4, false, List.of(p("Phùng Văn Khải", "008074007890", "0938765432", "Thôn 5, xã Yên Sơn")), Stage.STABILIZED, 33),
            new Spec(DV_MX, "DV-MINHXUAN", PETITION, ONLINE, "Kiến nghị lắp đặt đèn chiếu sáng tổ 15",
                "Người dân kiến nghị lắp đặt đèn chiếu sáng, bảo đảm an ninh khu dân cư.",
                5, false, List.of(p("Lưu Thị Ngọc", null, "0986543210", "Tổ 15, phường Minh Xuân")), Stage.IMPLEMENTING, 9),
            new Spec(CA, "CA-HAMYEN", DENUNCIATION, LETTER, "Tố cáo khai thác khoáng sản trái phép",
                "Tố cáo một số đối tượng khai thác quặng trái phép ban đêm tại khu vực núi Bắc.",
                1, false, List.of(p("Người tố cáo (bảo mật)", "008080008901", "0911234567", "Xã Hàm Yên")), Stage.VERIFYING, 16),
            new Spec(DV, "DV-CHIEMHOA", PETITION, RECEPTION, "Kiến nghị về giá thu mua chè búp tươi",
                "Người trồng chè kiến nghị doanh nghiệp thu mua giá thấp, ép cấp loại.",
                14, false, List.of(p("Mông Văn Hải", "008071009012", "0948765432", "Xã Chiêm Hóa")), Stage.PROPOSING, 11),
            new Spec(CA, "CA-TINH", COMPLAINT, LETTER, "Khiếu nại quyết định xử phạt về phòng cháy chữa cháy",
                "Chủ cơ sở kinh doanh khiếu nại mức xử phạt vi phạm quy định về phòng cháy chữa cháy.",
                1, false, List.of(p("Nguyễn Hữu Phước", "008078000123", "0905432109", "Phường Minh Xuân")), Stage.RECEIVED, 4),
            new Spec(DV, "DV-HAMYEN", COMPLAINT, RECEPTION, "Khiếu nại về việc chia tài sản chung của hợp tác xã",
                "Xã viên hợp tác xã khiếu nại việc phân chia tài sản khi giải thể chưa công khai, minh bạch.",
                6, false, List.of(p("Lục Văn Thắng", "008065001234", "0913579246", "Xã Hàm Yên")), Stage.RECEIVED, 15),
            new Spec(CA_MX, "CA-MINHXUAN", INCIDENT, HOTLINE, "Gây rối trật tự tại quán karaoke tổ 4",
                "Nhóm thanh niên gây rối, đập phá tài sản tại quán karaoke; chủ quán đề nghị xử lý.",
                5, false, List.of(p("Vi Văn Cường", "008087002345", "0977246810", "Tổ 4, phường Minh Xuân")), Stage.RESOLVED, 22));
    }
}
