/*
 * Copyright 2026 The Scorecards & Campaigns for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import {
  ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import TableContainer from '@material-ui/core/TableContainer';
import { alpha, makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  root: { position: 'relative' },
  // A shadow on the right edge while columns are hidden beyond it.
  more: {
    position: 'absolute',
    top: 0,
    right: 0,
    bottom: 0,
    width: theme.spacing(3),
    pointerEvents: 'none',
    background: `linear-gradient(to left, ${alpha(
      theme.palette.text.primary,
      0.14,
    )}, transparent)`,
  },
}));

/**
 * A table container that scrolls sideways when the table is wider than it,
 * with a shadow on its right edge while there are columns beyond it: the
 * scroll bar alone did not say so (it shows only on hover on some systems).
 */
export function TableScroller(props: {
  children: ReactNode;
  className?: string;
}) {
  const classes = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  const update = useCallback(() => {
    const element = ref.current;
    if (element) {
      // A pixel of slack: zoomed pages give fractional widths.
      setMore(
        element.scrollLeft + element.clientWidth < element.scrollWidth - 1,
      );
    }
  }, []);
  useLayoutEffect(update);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const observer = new ResizeObserver(update);
    observer.observe(element);
    if (element.firstElementChild) {
      observer.observe(element.firstElementChild);
    }
    return () => observer.disconnect();
  }, [update]);
  return (
    <div className={classes.root}>
      <TableContainer ref={ref} className={props.className} onScroll={update}>
        {props.children}
      </TableContainer>
      {more && (
        <div
          className={classes.more}
          aria-hidden="true"
          data-testid="more-columns"
        />
      )}
    </div>
  );
}
