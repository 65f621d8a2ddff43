package org.jinlin.app.demo;

import java.util.SplittableRandom;

/** Invented Chinese names for places and people, in the manner of Fujian's: no real person is named. */
final class Words {

    private Words() {
    }

    /** Place words for townships, communities, villages and compounds. */
    static final String[] PLACES = {
            "东湖", "西园", "南台", "北峰", "金山", "银湖", "凤凰", "龙腾", "青山", "白沙", "红星", "桃源", "梅林", "竹溪",
            "松岭", "桂香", "兰亭", "樟林", "榕荫", "石门", "清水", "溪口", "洋中", "坂头", "后埔", "前亭", "上洋", "下坂",
            "新店", "塘头", "岭下", "湖滨", "江滨", "海湾", "港头", "长兴", "永丰", "太平", "和平", "安仁", "富源", "兴隆",
            "仁和", "德胜", "光明", "朝阳", "文昌", "华林", "鹤林", "嘉禾", "霞溪", "瑞云", "高湖", "大洋", "三江", "五里",
            "东岭", "西洋", "南屿", "北山", "宝林", "玉泉", "翠屏", "锦江", "紫阳", "丹霞", "碧水", "云山", "月湖", "星桥",
            "茶园", "柳塘", "杏林", "荔枝", "龙眼", "芙蓉", "书院", "城西", "城东", "东街", "南街", "水南", "水北", "洪塘",
            "盘谷", "官庄", "岩前", "溪源", "汤坑", "马洋", "林坊", "陈厝", "黄田", "吴山", "郑坑", "李坊", "赤岭", "白石"};

    static final String[] COMPOUND_KINDS = {"花园", "小区", "苑", "家园", "新村", "公寓", "雅居", "华庭", "山庄", "佳园"};

    /** Common surnames of Fujian, the most frequent first and repeated to weigh them. */
    static final String[] SURNAMES = {
            "陈", "陈", "陈", "林", "林", "林", "黄", "黄", "张", "吴", "王", "李", "郑", "刘", "杨", "许", "蔡", "郭", "洪",
            "邱", "曾", "廖", "赖", "徐", "周", "叶", "苏", "庄", "江", "何", "罗", "高", "潘", "朱", "钟", "游", "詹", "余",
            "魏", "翁", "方", "卢", "傅", "柯", "康", "施", "范", "彭", "谢", "肖"};

    static final String[] MALE = {
            "建", "国", "志", "明", "伟", "强", "军", "平", "华", "文", "辉", "勇", "杰", "涛", "斌", "宏", "俊", "峰", "鑫",
            "磊", "海", "波", "金", "水", "木", "清", "荣", "福", "贵", "祥", "德", "泉", "榕", "毅", "晨", "宇", "浩", "博"};

    static final String[] FEMALE = {
            "秀", "英", "华", "玉", "兰", "芳", "丽", "珍", "美", "娟", "霞", "燕", "琴", "梅", "萍", "红", "慧", "婷", "雪",
            "静", "敏", "莉", "颖", "晶", "婉", "琳", "欣", "怡", "佳", "月", "春", "凤", "莲", "碧", "翠", "淑", "惠", "妹"};

    static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    static String personName(SplittableRandom random, boolean male) {
        String[] given = male ? MALE : FEMALE;
        String name = pick(random, SURNAMES) + pick(random, given);
        return random.nextInt(100) < 70 ? name + pick(random, given) : name;
    }
}
