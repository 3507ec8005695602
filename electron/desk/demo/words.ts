// Word lists for realistic demo records.
import type { Category } from '../../../shared/domain/enums'

export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾段普施李杨字和尹'.split('')
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志云海燕雪松林波斌宇浩凯鹏'.split('')

export const ROADS = ['人民路', '北京路', '东风路', '青年路', '环城南路', '建设路', '新华街', '文化路', '滇池路', '南屏街', '金碧路', '白塔路', '拓东路', '学府路', '民族路', '珠江路', '朝阳路', '龙泉路']

export const FIRM_WORDS = ['恒通', '瑞丰', '金鼎', '博远', '华信', '兴达', '鼎盛', '宏图', '云岭', '彩云', '金马', '碧鸡', '龙腾', '德润', '嘉禾', '天成', '正元', '普洱']
export const FIRM_TRADES = ['科技', '商贸', '物流', '建设工程', '医药', '印务', '电子', '旅游开发', '茶业', '矿业', '食品', '汽车销售', '房地产开发', '会计师事务所']
export const SCHOOL_KINDS = ['第一中学', '第二中学', '第三中学', '实验小学', '职业技术学校', '民族中学']
export const GOV_UNITS = ['人民政府办公室', '国土资源局', '税务局', '财政局', '人力资源和社会保障局', '公安局', '教育局', '卫生健康局', '农业农村局', '市场监督管理局']
export const HOSPITALS = ['人民医院', '中医医院', '妇幼保健院', '疾病预防控制中心']
export const BANKS = ['中国农业银行', '中国工商银行', '中国建设银行', '中国邮政储蓄银行', '富滇银行', '农村信用合作联社']

export const BRANDS: Record<Category, { brand: string; models: string[] }[]> = {
  desktop: [
    { brand: '联想', models: ['启天 M437', '扬天 M4000s', 'ThinkCentre M720t'] },
    { brand: '清华同方', models: ['超越 E500', '超翔 Z8000'] },
    { brand: '戴尔', models: ['OptiPlex 3080', 'Vostro 3888'] },
    { brand: '惠普', models: ['ProDesk 480 G7', 'EliteDesk 800 G5'] },
  ],
  laptop: [
    { brand: '联想', models: ['ThinkPad E14', '昭阳 K4e', 'ThinkPad X1 Carbon'] },
    { brand: '华为', models: ['MateBook D14', 'MateBook 14'] },
    { brand: '戴尔', models: ['Latitude 5420', 'Vostro 5410'] },
  ],
  server: [
    { brand: '浪潮', models: ['NF5280M5', 'NF5270M6'] },
    { brand: '华为', models: ['RH2288H V5', 'FusionServer 2288H V6'] },
    { brand: '联想', models: ['ThinkSystem SR650'] },
  ],
  monitor: [
    { brand: '联想', models: ['ThinkVision T24i', 'L22e-20'] },
    { brand: '戴尔', models: ['P2419H', 'E2220H'] },
    { brand: 'AOC', models: ['24B1XH', '22B2H'] },
  ],
  printer: [
    { brand: '惠普', models: ['LaserJet Pro M404dn', 'LaserJet M1136'] },
    { brand: '爱普生', models: ['LQ-630K', 'L3158'] },
    { brand: '佳能', models: ['LBP2900+', 'iR 2206N'] },
    { brand: '兄弟', models: ['HL-2260D', 'DCP-7080D'] },
  ],
  network: [
    { brand: '华为', models: ['S5735-L24T4S', 'AR1220C'] },
    { brand: '华三', models: ['S5130S-28S', 'MSR2600'] },
    { brand: 'TP-LINK', models: ['TL-SG1024DT', 'TL-ER3220G'] },
  ],
  software: [{ brand: '用友', models: ['U8 财务软件'] }, { brand: '金蝶', models: ['K/3 Cloud'] }],
  other: [{ brand: '山特', models: ['C3KS UPS'] }, { brand: '得力', models: ['碎纸机 9920'] }],
}

export const FAULTS: Record<Category, string[]> = {
  desktop: [
    '开机无显示，主机电源灯亮，风扇转',
    '开机后反复重启，进不了桌面',
    '蓝屏，提示 0x0000007B 错误',
    '硬盘有咔咔异响，系统启动很慢',
    '无法进入系统，提示找不到引导设备',
    '前置 USB 接口无法识别 U 盘',
    '主机风扇噪音很大，机箱发烫',
  ],
  laptop: [
    '屏幕闪烁，有一条竖线',
    '电池不充电，插电源才能开机',
    '键盘部分按键失灵（E、R、T 键）',
    '按电源键无反应，充电指示灯不亮',
    '无线网卡搜不到任何信号',
    '进水后无法开机',
  ],
  server: [
    'RAID 阵列降级，一块硬盘告警灯亮',
    '服务器夜间频繁宕机，需查日志',
    '冗余电源模块告警',
    '内存报 ECC 错误，业务系统卡顿',
  ],
  monitor: ['显示器黑屏，电源灯闪烁', '画面偏色发红', '屏幕有一条亮线', '显示器无信号，换线无效'],
  printer: ['打印有黑色竖线', '频繁卡纸', '不进纸，搓纸轮打滑', '打印颜色很淡', '显示脱机，无法打印', '针式打印机断针，打印缺字'],
  network: ['交换机部分端口不通', '整个科室断网', '路由器频繁掉线', '无线 AP 无法分配地址'],
  software: ['系统中毒，不断弹出广告', '财务软件无法连接数据库', 'Office 打不开文档，提示已损坏', '需要重装系统并恢复数据', '打印机驱动安装失败'],
  other: ['UPS 告警，电池无法放电', '碎纸机卡纸不转'],
}
