package org.jinlin.query.audit;

import java.util.Map;

/** Chinese names of the events, for auditors' printouts; an event without one shows its English name. */
final class EventLabels {

    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("CommunityRegistered", "登记社区"),
            Map.entry("CompoundAdded", "添加小区"),
            Map.entry("ResidentPopulationUpdated", "更新常住人口"),
            Map.entry("CommunityFlaggedDisputeProminent", "标记矛盾纠纷突出"),
            Map.entry("CommunityDisputeProminenceCleared", "取消矛盾纠纷突出"),
            Map.entry("MediatorRegistered", "登记调解员"),
            Map.entry("MediatorAppointed", "配备调解员"),
            Map.entry("MediatorRelieved", "解除配备"),
            Map.entry("MediatorEmploymentChanged", "变更专兼职"),
            Map.entry("DisputeReported", "受理纠纷"),
            Map.entry("DisputeReclassified", "调整大小事"),
            Map.entry("MediatorAssigned", "指派调解员"),
            Map.entry("MediationStepRecorded", "记录调解步骤"),
            Map.entry("DisputeEscalated", "上报升级"),
            Map.entry("DisputeResolved", "调解成功"),
            Map.entry("DisputeReferredOut", "移交处理"),
            Map.entry("DisputeWithdrawn", "撤回"),
            Map.entry("DisputeReopened", "重新调处"),
            Map.entry("FollowUpRecorded", "回访"),
            Map.entry("HouseholdRegistered", "登记住户"),
            Map.entry("MemberAdded", "添加家庭成员"),
            Map.entry("MemberUpdated", "更新家庭成员"),
            Map.entry("MemberRemoved", "移除家庭成员"),
            Map.entry("HouseholdIncomeReported", "申报家庭收入"),
            Map.entry("HouseholdMoved", "迁移住址"),
            Map.entry("CarePartnerAssigned", "结对帮扶"),
            Map.entry("AssistanceRecorded", "记录帮扶"),
            Map.entry("HouseholdDeregistered", "注销住户"),
            Map.entry("HardshipAssessed", "困难认定"));

    private EventLabels() {
    }

    static String label(String type) {
        String chinese = CHINESE.get(type);
        return chinese == null ? type : chinese + "\n" + type;
    }
}
