import type { Channel } from '../../../../shared/schemas/common';
import { MailIcon, MessageIcon, NoteIcon, PhoneIcon, UsersIcon, WhatsAppIcon } from '../../../components/ui/icons';

const icons = {
  phone: PhoneIcon,
  whatsapp: WhatsAppIcon,
  email: MailIcon,
  sms: MessageIcon,
  meeting: UsersIcon,
  other: NoteIcon,
} as const;

export function ChannelIcon({ channel, size = 18 }: { channel: Channel; size?: number }) {
  const Icon = icons[channel];
  return <Icon size={size} />;
}
