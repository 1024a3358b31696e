//! Validation of `villages[]`: names, residents, households, grids and grid workers.

use super::*;

impl Checker {
    /// Checks `villages[]` and returns the validated entries.
    pub(super) fn villages(&mut self, file: &ScenarioFile) -> Vec<Village> {
        file.villages
            .iter()
            .enumerate()
            .map(|(idx, village)| {
                let path = format!("villages[{idx}]");
                let name = self.text(&format!("{path}.name"), &village.name);
                let residents =
                    self.count_field(&format!("{path}.residents"), village.residents, "villages[].residents");
                let households =
                    self.count_field(&format!("{path}.households"), village.households, "villages[].households");
                if village.households > village.residents && village.residents >= 1 {
                    self.error(
                        format!("{path}.households"),
                        ErrorKind::Conflict { other: format!("{path}.residents") },
                    );
                }
                let grids = self.count_field(&format!("{path}.grids"), village.grids, "villages[].grids");
                let grid_workers =
                    self.count_field(&format!("{path}.grid_workers"), village.grid_workers, "villages[].grid_workers");
                Village { id: village.id.clone(), name, residents, households, grids, grid_workers }
            })
            .collect()
    }
}
