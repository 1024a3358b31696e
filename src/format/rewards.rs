//! Editing rules of a scenario file that belong to the model, not to any one editor: which product is the
//! primary one, and how one reward per install is set for the whole plan.

use super::wire::{RewardFile, ScenarioFile};

impl ScenarioFile {
    /// The primary product's id: the product of the first target that names an existing product, else the
    /// first product; `None` with no products. Rewards are added for it when a file has none.
    pub fn primary_product(&self) -> Option<&str> {
        self.targets
            .iter()
            .find_map(|target| target.product.as_deref())
            .filter(|id| self.products.iter().any(|product| product.id == *id))
            .or_else(|| self.products.first().map(|product| product.id.as_str()))
    }

    /// Sets `yuan_per_install` (元 per verified install) on every reward; with no rewards, adds one for the
    /// primary product in every phase (nothing happens with no products).
    pub fn set_reward_yuan_per_install(&mut self, yuan_per_install: f64) {
        if self.rewards.is_empty() {
            let Some(product) = self.primary_product().map(str::to_string) else { return };
            self.rewards = self
                .phases
                .iter()
                .map(|phase| RewardFile {
                    phase: phase.id.clone(),
                    product: product.clone(),
                    yuan_per_install,
                    note: None,
                })
                .collect();
        } else {
            for reward in &mut self.rewards {
                reward.yuan_per_install = yuan_per_install;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::format::json::parse_json;
    use crate::format::wire::ScenarioFile;

    fn template() -> ScenarioFile {
        parse_json(include_str!("../../scenarios/template.json")).expect("the template parses")
    }

    #[test]
    fn the_primary_product_is_the_first_targets_else_the_first() {
        let mut file = template();
        let first = file.products[0].id.clone();
        let target_product = file.targets.iter().find_map(|target| target.product.clone());
        assert_eq!(file.primary_product(), Some(target_product.as_deref().unwrap_or(&first)));
        for target in &mut file.targets {
            target.product = Some("no_such_product".into());
        }
        assert_eq!(file.primary_product(), Some(first.as_str()));
        file.products.clear();
        assert_eq!(file.primary_product(), None);
    }

    #[test]
    fn a_reward_is_added_per_phase_then_updated() {
        let mut file = template();
        file.rewards.clear();
        file.set_reward_yuan_per_install(5.0);
        assert_eq!(file.rewards.len(), file.phases.len());
        let primary = file.primary_product().map(str::to_string);
        assert!(file.rewards.iter().all(|reward| Some(&reward.product) == primary.as_ref()));
        file.set_reward_yuan_per_install(8.0);
        assert_eq!(file.rewards.len(), file.phases.len());
        assert!(file.rewards.iter().all(|reward| reward.yuan_per_install == 8.0));
        file.rewards.clear();
        file.products.clear();
        file.set_reward_yuan_per_install(5.0);
        assert!(file.rewards.is_empty());
    }
}
