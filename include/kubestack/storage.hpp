// PersistentVolumes and the PersistentVolumeClaims that bind to them.
#pragma once

#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/quantity.hpp>
#include <kubestack/volumes.hpp>
#include <string_view>

namespace kubestack {

enum class AccessMode { ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod };

constexpr std::string_view to_string(AccessMode mode) {
    switch (mode) {
    case AccessMode::ReadOnlyMany:
        return "ReadOnlyMany";
    case AccessMode::ReadWriteMany:
        return "ReadWriteMany";
    case AccessMode::ReadWriteOncePod:
        return "ReadWriteOncePod";
    default:
        return "ReadWriteOnce";
    }
}

enum class ReclaimPolicy { Retain, Delete };

// What a volume offers and a claim asks for; they bind when both agree.
struct StorageTerms {
    std::string_view size;
    std::string_view storage_class;
    detail::FixedList<AccessMode, limits::access_modes> access_modes;
};

class PersistentVolume : public Resource<PersistentVolume, Scope::Cluster> {
public:
    constexpr explicit PersistentVolume(Name name)
        : Resource(name) {}

    constexpr PersistentVolume& capacity(Bytes size) {
        terms_.size = size;
        return *this;
    }
    constexpr PersistentVolume& accessMode(AccessMode mode) {
        terms_.access_modes.push_back(mode);
        return *this;
    }
    constexpr PersistentVolume& storageClass(Name storage_class) {
        terms_.storage_class = storage_class;
        return *this;
    }
    constexpr PersistentVolume& hostPath(AbsolutePath path) {
        host_path_ = path;
        return *this;
    }
    constexpr PersistentVolume& reclaimPolicy(ReclaimPolicy policy) {
        reclaim_policy_ = policy;
        return *this;
    }

    constexpr const StorageTerms& terms() const { return terms_; }
    constexpr std::string_view host_path() const { return host_path_; }
    constexpr ReclaimPolicy reclaim_policy() const { return reclaim_policy_; }

private:
    StorageTerms terms_;
    std::string_view host_path_;
    ReclaimPolicy reclaim_policy_ = ReclaimPolicy::Retain;
};

class PersistentVolumeClaim : public Resource<PersistentVolumeClaim> {
public:
    constexpr explicit PersistentVolumeClaim(Name name)
        : Resource(name) {}

    constexpr PersistentVolumeClaim& request(Bytes size) {
        terms_.size = size;
        return *this;
    }
    constexpr PersistentVolumeClaim& accessMode(AccessMode mode) {
        terms_.access_modes.push_back(mode);
        return *this;
    }
    constexpr PersistentVolumeClaim& storageClass(Name storage_class) {
        terms_.storage_class = storage_class;
        return *this;
    }
    // Binds to this volume, asking for exactly what it offers.
    constexpr PersistentVolumeClaim& boundTo(const PersistentVolume& volume) {
        terms_ = volume.terms();
        volume_name_ = volume.name();
        volume_created_elsewhere_ = volume.metadata().created_elsewhere;
        return *this;
    }

    constexpr const StorageTerms& terms() const { return terms_; }
    constexpr std::string_view volume_name() const { return volume_name_; }
    constexpr bool volume_created_elsewhere() const { return volume_created_elsewhere_; }

private:
    StorageTerms terms_;
    std::string_view volume_name_;
    bool volume_created_elsewhere_ = false;
};

constexpr PersistentVolume persistentVolume(Name name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(PersistentVolume(name), where);
}
constexpr PersistentVolumeClaim persistentVolumeClaim(Name name,
                                                      SourcePlace where = SourcePlace::here()) {
    return detail::written_at(PersistentVolumeClaim(name), where);
}

// A claim as a pod volume of another name than the claim's (mount(claim, path) names the
// volume after the claim), as manifests that call a volume after its use do:
// mount(claimVolume("mysql-persistent-storage", mysql_claim), "/var/lib/mysql").
constexpr Volume claimVolume(DnsLabel volume_name, const PersistentVolumeClaim& claim) {
    return {volume_name, VolumeSource::PersistentVolumeClaim, claim.name(),
            claim.metadata().created_elsewhere};
}

} // namespace kubestack
