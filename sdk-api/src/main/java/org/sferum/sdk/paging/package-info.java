/** Pages, cursors and iteration across pages. */
package org.sferum.sdk.paging;
