import { SidebarItem } from '@backstage/core-components';
import { NavContentNavItem } from '@backstage/plugin-app-react';
import { useLocation } from 'react-router-dom';

/** Whether `path` is `base` or a page below it. */
function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/**
 * A page's sidebar item. It is highlighted on its page and the pages below
 * it, except those that have an item of their own: Scorecards is not
 * highlighted beside Campaigns on `/scorecards/campaigns`.
 */
export function PageNavItem(props: {
  item: NavContentNavItem;
  /** The `href` of every item in the sidebar. */
  hrefs: string[];
}) {
  const { item, hrefs } = props;
  const { pathname } = useLocation();
  const end = hrefs.some(
    href =>
      href !== item.href && isUnder(href, item.href) && isUnder(pathname, href),
  );
  return (
    <SidebarItem
      icon={() => item.icon}
      to={item.href}
      text={item.title}
      end={end}
    />
  );
}
