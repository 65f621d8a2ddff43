package org.jinlin.app.demo;

import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.StepKind;

import java.util.SplittableRandom;

/** The free texts of the demo cases, as a mediator would write them; they name no one. */
final class Texts {

    private Texts() {
    }

    static String summary(Category category, SplittableRandom random) {
        String[] options = switch (category) {
            case NEIGHBOUR -> new String[]{"楼上卫生间渗水至楼下，双方就维修责任和费用发生争执",
                    "邻居在楼道堆放杂物、占用公共空间，多次沟通无果", "夜间噪音扰民，双方多次争吵",
                    "相邻房屋排水、通风采光问题引发纠纷", "宠物犬未拴绳惊吓老人，双方发生口角"};
            case PROPERTY_MANAGEMENT -> new String[]{"业主以服务质量差为由拒缴物业费，与物业公司产生纠纷",
                    "小区地下车库停车位收费标准引发业主不满", "电梯长期故障维修不及时，业主要求物业公司赔偿",
                    "小区公共收益分配不透明，业主与物业公司发生争议"};
            case FAMILY -> new String[]{"子女之间就老人赡养费用分担发生分歧", "兄弟之间因老宅居住使用问题发生矛盾",
                    "婆媳关系紧张，多次发生争吵"};
            case MARRIAGE -> new String[]{"夫妻感情不和，就子女抚养和共同财产分割产生纠纷",
                    "离婚后探视子女的时间安排发生争议"};
            case INHERITANCE -> new String[]{"老人去世后，子女就房产继承份额发生争议", "遗嘱效力及遗产分配引发家庭纠纷"};
            case LABOUR -> new String[]{"务工人员被拖欠工资三个月，要求劳务公司支付", "工地务工人员受伤，就工伤赔偿产生分歧"};
            case LAND -> new String[]{"相邻村民就宅基地界址发生争执", "承包地流转费用支付问题引发纠纷",
                    "山林权属界线不清，两户村民发生争议"};
            case DEBT -> new String[]{"亲友之间民间借贷到期未还，引发纠纷", "装修工程款结算发生争议"};
            case OTHER -> new String[]{"电动车楼道充电引发安全隐患争议", "网购商品退换货引发纠纷"};
        };
        return options[random.nextInt(options.length)];
    }

    static StepKind stepKind(SplittableRandom random) {
        int dice = random.nextInt(100);
        return dice < 35 ? StepKind.HOME_VISIT : dice < 60 ? StepKind.PHONE_CALL : dice < 90 ? StepKind.JOINT_SESSION
                : StepKind.EXPERT_CONSULTATION;
    }

    static String stepNote(StepKind kind, SplittableRandom random) {
        return switch (kind) {
            case INTAKE -> "受理登记，听取申请人陈述诉求";
            case HOME_VISIT -> random.nextBoolean() ? "入户走访被申请人，了解事情经过" : "到现场查看，拍照留存情况";
            case PHONE_CALL -> "电话联系双方，沟通调解意向";
            case JOINT_SESSION -> random.nextBoolean() ? "组织双方面对面调解，释法析理" : "邀请网格员、楼栋长参与联合调解";
            case EXPERT_CONSULTATION -> "邀请法律顾问提供法律意见";
            case FOLLOW_UP -> "跟进协议履行情况";
        };
    }

    static String agreement(SplittableRandom random) {
        String[] options = {"双方达成调解协议，责任方承担维修费用并当面致歉", "双方自愿达成协议，按约定分期支付款项",
                "经调解双方互谅互让，签订书面调解协议", "双方就赔偿金额达成一致，当场履行完毕",
                "当事人达成口头协议，调解员记录在案"};
        return options[random.nextInt(options.length)];
    }

    static String escalationReason(Level level) {
        return switch (level) {
            case COMMUNITY -> "涉及多户利益，小区层面难以化解，提请社区调委会调处";
            case TOWNSHIP -> "矛盾较为复杂，提请街道（乡镇）调委会调处";
            case COUNTY -> "涉及多个部门职责，提请县（区）联合调处";
            case COMPOUND -> "在小区调处";
        };
    }

    static String referralReason(ReferralTarget target) {
        return switch (target) {
            case COURT -> "双方分歧较大，调解不成，引导当事人依法诉讼";
            case ARBITRATION -> "属劳动争议，引导当事人申请劳动仲裁";
            case PUBLIC_SECURITY -> "涉及治安案件，移交公安机关处理";
            case PETITION_OFFICE -> "涉及政策性问题，转信访部门办理";
        };
    }
}
