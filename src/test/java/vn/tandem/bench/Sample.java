package vn.tandem.bench;

import java.util.List;
import java.util.Random;

/**
 * Seeded, realistic Vietnamese content for the generated data sets: petitioners' names, addresses, titles and
 * descriptions of grievances as the province receives them. The same seed gives the same data.
 */
final class Sample {

    private static final List<String> FAMILY = List.of(
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý");
    private static final List<String> MIDDLE = List.of("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc");
    private static final List<String> GIVEN = List.of(
            "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phúc", "Quang", "Sơn",
            "Tâm", "Thảo", "Trang", "Tuấn", "Yến", "Khoa", "Nhung", "Đạt");
    private static final List<String> PLACES = List.of(
            "thôn Đông",
            "thôn Tây",
            "xóm Bến",
            "xóm Chùa",
            "thôn Yên Sơn",
            "thôn Bãi Sậy",
            "khu phố 3",
            "tổ dân phố 7",
            "thôn Cầu Gạo",
            "xóm Mới");
    private static final List<String> TOPICS = List.of(
            "Tranh chấp ranh giới đất giữa hai hộ dân",
            "Khiếu nại mức bồi thường, hỗ trợ khi thu hồi đất",
            "Kiến nghị sửa chữa đường liên thôn xuống cấp",
            "Phản ánh cơ sở sản xuất gây ô nhiễm môi trường",
            "Tố cáo cán bộ thôn thu tiền trái quy định",
            "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất",
            "Phản ánh tình trạng cho vay lãi nặng",
            "Kiến nghị giải quyết chế độ chính sách người có công",
            "Phản ánh tiếng ồn của xưởng chế biến gỗ",
            "Tranh chấp lối đi chung trong khu dân cư",
            "Phản đối dự án khai thác cát trên sông",
            "Khiếu nại việc thu hồi đất làm khu công nghiệp");
    private static final List<String> DETAILS = List.of(
            "Các hộ dân đã nhiều lần kiến nghị nhưng chưa được giải quyết dứt điểm.",
            "Công dân đề nghị cơ quan chức năng kiểm tra, xác minh và trả lời bằng văn bản.",
            "Sự việc kéo dài gây bức xúc trong nhân dân, có nguy cơ tụ tập đông người.",
            "Ủy ban nhân dân xã đã tổ chức hòa giải một lần nhưng không thành.",
            "Người dân mong được đối thoại trực tiếp với lãnh đạo địa phương.");

    private final Random random;

    Sample(long seed) {
        this.random = new Random(seed);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    String fullName() {
        return pick(FAMILY) + " " + pick(MIDDLE) + " " + pick(GIVEN);
    }

    String place() {
        return pick(PLACES);
    }

    String title() {
        return pick(TOPICS) + " tại " + place();
    }

    String description() {
        return pick(DETAILS) + " " + pick(DETAILS);
    }

    /** A 12-digit citizen ID number. */
    String idNumber() {
        return "0%02d%09d".formatted(1 + random.nextInt(96), random.nextInt(1_000_000_000));
    }

    String phone() {
        return "09%08d".formatted(random.nextInt(100_000_000));
    }
}
