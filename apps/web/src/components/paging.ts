/** Page sizes of every list, as League staff know them from 智慧团建. */
export const PAGE_SIZES = [20, 50, 100, 200, 500];
