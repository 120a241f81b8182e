namespace Orchestrator.Rules;

/// <summary>
/// Traditional characters sellers' keywords and buyers' messages use, mapped to simplified (發票 → 发票), so a rule
/// written in one script matches text written in the other. No maintained converter restores from our package mirror;
/// this table covers order, payment, delivery, product and region words (316 characters).
/// </summary>
internal static class ChineseVariants
{
    private const string Traditional = ""
        + "發髮貨運費號單價錢買賣贈禮開電話聯繫係備註區縣鎮鄉門樓層麼還這個們來時間後換說請謝訂購認證確實驗點紅綠藍黃顏碼長寬輕雙條"
        + "張裝壞損補評優減積華東廣內寧陝貴遼龍臺灣滬蘇閩贛魯粵瓊雲隴漢語國際關稅務專業給網線統處問題響應該幫會員機場戶預約遞郵順豐"
        + "韻達圓極飛鴻寶貓倉庫斷錯誤絲綢襪帶錶鐘筆紙書燈車轉讓貼簽親愛級選擇舊與從無沒別對見現萬億塊蘋葉餅盞壺製藥醫療險護膚潤潔淨"
        + "濕乾幹熱凍飲飯麵雞鴨魚蝦豬鹽醬調劑裡裏邊麗樂歡節誕歲壽報標籤記錄寫讀聽賠償責負擔維絕攔遠資訊擾屬於為將過進嗎種類樣規純質"
        + "廠產頁顯圖視頻聲擊準齊餘項額總計匯帳賬銀紀傳遲緊連鎖舉辦靜顧憑據摺殘漬劃髒臟濾氣體溫涼風陽陰鮮變壓爛尋丟遺鬆縮襯衛褲襖鈕"
        + "釦鏈鍊錦繡織紡綿纖羅蘭薩爾亞歐義";

    private const string Simplified = ""
        + "发发货运费号单价钱买卖赠礼开电话联系系备注区县镇乡门楼层么还这个们来时间后换说请谢订购认证确实验点红绿蓝黄颜码长宽轻双条"
        + "张装坏损补评优减积华东广内宁陕贵辽龙台湾沪苏闽赣鲁粤琼云陇汉语国际关税务专业给网线统处问题响应该帮会员机场户预约递邮顺丰"
        + "韵达圆极飞鸿宝猫仓库断错误丝绸袜带表钟笔纸书灯车转让贴签亲爱级选择旧与从无没别对见现万亿块苹叶饼盏壶制药医疗险护肤润洁净"
        + "湿干干热冻饮饭面鸡鸭鱼虾猪盐酱调剂里里边丽乐欢节诞岁寿报标签记录写读听赔偿责负担维绝拦远资讯扰属于为将过进吗种类样规纯质"
        + "厂产页显图视频声击准齐余项额总计汇账账银纪传迟紧连锁举办静顾凭据折残渍划脏脏滤气体温凉风阳阴鲜变压烂寻丢遗松缩衬卫裤袄钮"
        + "扣链链锦绣织纺绵纤罗兰萨尔亚欧义";

    private static readonly Dictionary<char, char> ToSimplifiedMap = Traditional.Zip(Simplified).ToDictionary(p => p.First, p => p.Second);

    public static string ToSimplified(string text)
    {
        if (!text.Any(ToSimplifiedMap.ContainsKey))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = ToSimplifiedMap.GetValueOrDefault(source[i], source[i]);
            }
        });
    }
}
