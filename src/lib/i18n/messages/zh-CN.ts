/**
 * Chinese messages: the reference dictionary. Every other locale must have exactly these keys
 * (checked by the compiler) and the same `{placeholders}` (checked by messages.spec.ts).
 */
export const zhCN = {
	'app.name': '智慧食安系统',
	'app.city': '济南市',
	'app.tagline': '济南市市场监督管理局 · 食品安全实时监管',
	'home.title': '智慧食安系统',
	'home.lead': '覆盖全市餐饮、商超与食堂的食品安全实时监管平台。',
	'home.commandScreen': '指挥大屏',
	'home.commandScreenHint': '全市实时数据、告警与地图，适合大屏展示',
	'home.districtScreens': '区县大屏',
	'locale.label': '语言',
	'locale.zh-CN': '中文',
	'locale.en': 'English',

	'command.title': '{city}食品安全智慧监管指挥大屏',
	'command.scopeCity': '全市',
	'command.eventsToday': '今日事件总数',
	'command.eventRate': '实时事件速率',
	'command.perMinute': '件/分钟',
	'command.last60Minutes': '近 60 分钟',
	'command.merchants': '在册经营主体',
	'command.byFamily': '今日事件分类',
	'command.openAlerts': '未处置告警',
	'command.latestAlerts': '最新告警',
	'command.latestEvents': '实时事件流',
	'command.eventsInTick': '本批 {count} 件',
	'command.map': '辖区分布',
	'command.noAlerts': '暂无告警',
	'command.noEvents': '等待事件…',
	'command.mapUnavailable': '地图无法加载（需要 WebGL）',
	'command.pointsUnavailable': '商户点位暂不可用',
	'command.merchantCount': '{count} 家经营主体',

	'live.connecting': '连接中',
	'live.live': '实时',
	'live.stale': '数据中断',
	'live.offline': '连接中断 · 重连中',
	'live.lastUpdate': '最后更新 {time}',
	'live.never': '尚未收到数据',

	'severity.critical': '严重',
	'severity.high': '高',
	'severity.medium': '中',
	'severity.low': '低',

	'family.merchant': '主体登记',
	'family.licence': '证照',
	'family.till': '交易',
	'family.ledger': '台账',
	'family.complaint': '投诉',
	'family.inspection': '检查',
	'family.sensor': '传感器',

	'eventType.merchant.registered': '主体登记',
	'eventType.merchant.updated': '主体变更',
	'eventType.licence.issued': '许可证核发',
	'eventType.licence.renewed': '许可证延续',
	'eventType.licence.revoked': '许可证吊销',
	'eventType.till.sale.recorded': '销售',
	'eventType.ledger.morning_check.recorded': '晨检',
	'eventType.ledger.disinfection.recorded': '消毒记录',
	'eventType.ledger.purchase.recorded': '进货查验',
	'eventType.ledger.sample_retention.recorded': '留样',
	'eventType.complaint.filed': '投诉举报',
	'eventType.inspection.completed': '检查完成',
	'eventType.sensor.reading.recorded': '传感器读数',
	'eventType.unknown': '其他事件',

	'businessType.restaurant': '餐馆',
	'businessType.school_canteen': '学校食堂',
	'businessType.elderly_care_canteen': '养老食堂',
	'businessType.company_canteen': '单位食堂',
	'businessType.supermarket': '超市',
	'businessType.small_shop': '小食杂店',
	'businessType.market_stall': '市场摊位',

	'alertStatus.open': '待处置',
	'alertStatus.acknowledged': '已受理',
	'alertStatus.closed': '已办结',
	'alertStatus.dismissed': '已驳回',

	'alert.expired_lot_sold':
		'售出过期食品：{productName}（批次 {lotId}，保质期至 {expiresOn}）{quantity} 件，订单 {orderId}',
	'alert.licence_expired': '食品经营许可证 {licenceNumber} 已于 {validTo} 到期，仍在经营',

	'error.loadFailed': '加载失败：{message}'
} as const;

export type MessageKey = keyof typeof zhCN;
/** The dictionary shape every locale implements. */
export type Messages = { readonly [K in MessageKey]: string };
