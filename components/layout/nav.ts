import {
  Activity,
  BookOpen,
  ClipboardCheck,
  FileText,
  Gauge,
  Hammer,
  LayoutDashboard,
  ListChecks,
  type LucideIcon,
  Server,
  Settings,
  Siren,
  Users,
} from 'lucide-react';
import type { Role } from '@/lib/auth/roles';

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** The lowest role that sees the item (default: everyone signed in). */
  role?: Role;
}

export const NAV_SECTIONS: { title: string; items: NavItem[] }[] = [
  { title: 'Overview', items: [{ href: '/', label: 'Home', icon: LayoutDashboard }] },
  {
    title: 'Reliability',
    items: [
      { href: '/slos', label: 'SLOs', icon: Gauge },
      { href: '/incidents', label: 'Incidents', icon: Siren },
      { href: '/postmortems', label: 'Postmortems', icon: FileText },
      { href: '/action-items', label: 'Action items', icon: ListChecks },
    ],
  },
  {
    title: 'Operations',
    items: [
      { href: '/toil', label: 'Toil', icon: Hammer },
      { href: '/capacity', label: 'Capacity', icon: Activity },
      { href: '/runbooks', label: 'Runbooks', icon: BookOpen },
      { href: '/reports', label: 'Reports', icon: ClipboardCheck },
    ],
  },
  {
    title: 'Catalog',
    items: [
      { href: '/catalog/services', label: 'Services', icon: Server },
      { href: '/catalog/teams', label: 'Teams', icon: Users },
    ],
  },
  { title: 'Admin', items: [{ href: '/settings', label: 'Settings', icon: Settings, role: 'admin' }] },
];
