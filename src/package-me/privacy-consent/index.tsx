import { Text, View } from '@tarojs/components';
import './index.scss';

export interface PrivacyConsentProps {
  version: string;
  busy: boolean;
  onAccept: () => void;
  onDecline: () => void;
}

const sections = [
  {
    title: '我们收集哪些信息',
    body: '你的姓名、手机号、界别、工作单位和职务，以及你加入的组织。',
  },
  {
    title: '为什么需要这些信息',
    body: '用于确认会员身份、活动报名与签到、联谊会之间的联络，以及按界别统计参与情况（统计只使用汇总数字）。',
  },
  {
    title: '谁能看到',
    body: '你本人可以看到全部资料；你所在组织的组织者可以看到你的姓名和完整手机号，用于活动联络；在其他地方，手机号只显示为 138****1234 的形式。我们不会把你的资料提供给任何第三方。',
  },
  {
    title: '如何导出和删除',
    body: '在「我的 › 我的数据」中可以查看并复制与你有关的全部记录；在「我的 › 注销账号」中可以删除你的资料和组织关系。',
  },
];

export default function PrivacyConsent({ version, busy, onAccept, onDecline }: PrivacyConsentProps) {
  return (
    <View className="consent">
      <View className="consent__card">
        <Text className="consent__title">隐私保护指引</Text>
        <Text className="consent__lead">在填写个人资料之前，请阅读我们如何收集和使用你的信息。</Text>
        {sections.map((section, index) => (
          <View key={section.title} className="consent__section">
            <Text className="consent__section-title">
              {index + 1}. {section.title}
            </Text>
            <Text className="consent__section-body">{section.body}</Text>
          </View>
        ))}
        <Text className="consent__version">指引版本：{version}</Text>
      </View>
      <View className="consent__actions">
        <View className={`btn btn--primary${busy ? ' consent__busy' : ''}`} hoverClass="btn--pressed" onClick={busy ? undefined : onAccept}>
          {busy ? '正在提交…' : '同意并继续'}
        </View>
        <View className="btn btn--plain consent__decline" hoverClass="btn--pressed" onClick={onDecline}>
          不同意
        </View>
      </View>
    </View>
  );
}
