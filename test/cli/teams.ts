// Event rows shared by by-span.test.ts and summary-period.test.ts.

/** Eleven accommodations, Apr–Sep 2024, by hand: North Apr 1, May 2, Jun 0, Jul 1, Aug 2, Sep 0; South Apr 1, May 1, Jun 0, Jul 1, Aug 0, Sep 2. */
export const teamsCsv = `Date Accommodated,Team,Placement Type
03/04/2024,North,Foster care
17/04/2024,South,Kinship
02/05/2024,North,Residential
09/05/2024,South,Foster care
21/05/2024,North,Kinship
11/07/2024,South,Foster care
12/07/2024,North,Kinship
01/08/2024,North,Foster care
15/08/2024,North,Residential
05/09/2024,South,Kinship
27/09/2024,South,Foster care
`;
