// Explore's sections over the task hierarchy of an own run (HierarchyCards.tsx), listed apart from
// Contents.tsx's own list so the two files stay small; Contents splices them in after Figure 13.
// Typed structurally (Contents' SectionInfo): importing it from there would make an import cycle.
export const HIERARCHY_SECTIONS: { id: string; title: string; runOnly: true }[] = [
  { id: 'fig11', title: 'Figure 11 · Top-level tasks', runOnly: true },
  { id: 'fig12', title: 'Figure 12 · Middle-level tasks', runOnly: true },
  { id: 'fig8tasks', title: 'Figure 8 by task · Hierarchy tasks per model', runOnly: true },
  { id: 'patterns', title: 'B.5 · Collaboration patterns by task and occupation', runOnly: true },
  { id: 'patternTasks', title: 'B.5 · Tasks most characteristic of each pattern', runOnly: true },
];
