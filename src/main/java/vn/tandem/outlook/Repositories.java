package vn.tandem.outlook;

import org.springframework.data.jpa.repository.JpaRepository;

interface OutlookWeights extends JpaRepository<OutlookWeight, String> {}

interface UnitLevels extends JpaRepository<UnitLevel, Long> {}
