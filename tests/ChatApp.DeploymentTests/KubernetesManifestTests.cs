using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ChatApp.DeploymentTests;

/// <summary>
/// k8s/ as `kubectl kustomize k8s/` renders it, checked for what ADR 15 promises: a pullable image set through the
/// kustomization, the restricted Pod Security Standard on every workload, readiness and drain that fit together, a
/// disruption budget, autoscaling, spreading, and a migration Job that the next release can apply again.
/// </summary>
public sealed class KubernetesManifestTests : IAsyncLifetime
{
    private List<YamlMappingNode> _objects = [];

    private IEnumerable<YamlMappingNode> Workloads => _objects.Where(o => o.PodSpec() is not null);

    private YamlMappingNode Deployment => Assert.Single(_objects, o => o.Kind() == "Deployment");

    private YamlMappingNode MigrationJob => Assert.Single(_objects, o => o.Kind() == "Job");

    public async Task InitializeAsync() => _objects = await Kustomize.RenderAsync("k8s");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_workloads_are_the_api_deployment_and_the_migration_job()
    {
        Assert.Equal(["Deployment", "Job"], Workloads.Select(w => w.Kind()).Order());
    }

    [Fact]
    public void Every_container_runs_the_image_the_kustomization_sets_by_a_registry_and_a_tag()
    {
        var kustomization = Yaml.LoadAll(Repository.Read("k8s/kustomization.yaml")).Single();
        var entry = Assert.Single(kustomization.Seq("images").OfType<YamlMappingNode>(), i => i.Str("name") == "chatapp");
        var expected = $"{entry.Str("newName")}:{entry.Str("newTag")}";

        Assert.Contains('/', entry.Str("newName")!); // a registry, not a local name nobody can pull
        Assert.NotEqual("latest", entry.Str("newTag"));
        Assert.All(Workloads.SelectMany(w => w.PodSpec()!.Containers()), c => Assert.Equal(expected, c.Str("image")));
    }

    [Fact]
    public void Every_workload_meets_the_restricted_pod_security_standard()
    {
        Assert.All(Workloads, workload =>
        {
            var pod = workload.PodSpec()!;
            var podSecurity = pod.Find("securityContext");
            foreach (var field in new[] { "hostNetwork", "hostPID", "hostIPC" })
            {
                Assert.NotEqual("true", pod.Str(field));
            }

            Assert.All(pod.Seq("volumes").OfType<YamlMappingNode>(), volume => Assert.False(volume.Has("hostPath"), volume.ToString()));
            Assert.All(pod.Containers(), container =>
            {
                var security = container.Map("securityContext");
                string? Either(params string[] path) => security.Str(path) ?? podSecurity?.Str(path);

                Assert.Equal("true", Either("runAsNonRoot"));
                Assert.True(int.Parse(Either("runAsUser") ?? "0", CultureInfo.InvariantCulture) > 0, "runAsUser must be a non-root UID");
                Assert.Equal("false", security.Str("allowPrivilegeEscalation"));
                Assert.NotEqual("true", security.Str("privileged"));
                Assert.Equal("true", security.Str("readOnlyRootFilesystem"));
                Assert.Contains("ALL", security.Scalars("capabilities", "drop"));
                Assert.Empty(security.Seq("capabilities", "add"));
                Assert.Equal("RuntimeDefault", Either("seccompProfile", "type"));
                Assert.All(container.Seq("ports").OfType<YamlMappingNode>(), port => Assert.False(port.Has("hostPort")));
            });
        });
    }

    /// <summary>With a read-only root filesystem, every place the app writes is an emptyDir: /tmp and /app/data.</summary>
    [Fact]
    public void The_writable_paths_are_empty_dirs()
    {
        Assert.All(Workloads, workload =>
        {
            var pod = workload.PodSpec()!;
            var emptyDirs = pod.Seq("volumes").OfType<YamlMappingNode>().Where(v => v.Has("emptyDir")).Select(v => v.Str("name")).ToHashSet();
            var container = pod.Containers().First();
            var mounts = container.Seq("volumeMounts").OfType<YamlMappingNode>().ToDictionary(m => m.Str("mountPath")!, m => m.Str("name"));

            Assert.Contains(mounts["/tmp"], emptyDirs);
            Assert.Contains(mounts["/app/data"], emptyDirs);
        });
    }

    [Fact]
    public void Every_workload_reads_the_secret_that_is_created_outside_the_kustomization()
    {
        Assert.DoesNotContain(_objects, o => o.Kind() == "Secret"); // placeholders must never overwrite the real one
        Assert.All(Workloads, workload => Assert.Contains(
            workload.PodSpec()!.Containers().First().Seq("envFrom").OfType<YamlMappingNode>(),
            source => source.Str("secretRef", "name") == "chatapp"));
    }

    [Fact]
    public void Readiness_means_can_serve_and_liveness_checks_nothing_else()
    {
        var container = Deployment.PodSpec()!.Containers().Single();

        Assert.Equal("/health/ready", container.Str("readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", container.Str("livenessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", container.Str("startupProbe", "httpGet", "path"));
        // The Redis check gives up after 2 s and the database checks are quick: the probe's timeout leaves room for both.
        Assert.True(int.Parse(container.Str("readinessProbe", "timeoutSeconds") ?? "1", CultureInfo.InvariantCulture) >= 3);
    }

    /// <summary>SIGTERM comes after preStop; the drain (Host__ShutdownTimeout) must then finish before the kubelet kills.</summary>
    [Fact]
    public void The_grace_period_covers_the_pre_stop_pause_and_the_drain()
    {
        var pod = Deployment.PodSpec()!;
        var preStop = pod.Containers().Single().Map("lifecycle", "preStop");
        var pause = preStop.Str("sleep", "seconds") is { } seconds
            ? int.Parse(seconds, CultureInfo.InvariantCulture)
            : int.Parse(preStop.Scalars("exec", "command").Last(), CultureInfo.InvariantCulture);
        var configMap = Assert.Single(_objects, o => o.Kind() == "ConfigMap");
        var drain = TimeSpan.Parse(configMap.Str("data", "Host__ShutdownTimeout") ?? "00:00:10", CultureInfo.InvariantCulture);
        var grace = int.Parse(pod.Str("terminationGracePeriodSeconds") ?? "30", CultureInfo.InvariantCulture);

        Assert.InRange(pause, 3, 15);
        Assert.True(grace >= pause + drain.TotalSeconds + 5, $"grace {grace} s < preStop {pause} s + drain {drain.TotalSeconds} s + 5 s margin");
    }

    [Fact]
    public void A_disruption_budget_and_an_autoscaler_keep_at_least_two_instances()
    {
        var podLabels = Deployment.Map("spec", "template", "metadata", "labels").Pairs();
        var budget = Assert.Single(_objects, o => o.Kind() == "PodDisruptionBudget");
        var autoscaler = Assert.Single(_objects, o => o.Kind() == "HorizontalPodAutoscaler");

        Assert.All(budget.Map("spec", "selector", "matchLabels").Pairs(), label => Assert.Equal(label.Value, podLabels[label.Key]));
        Assert.True(budget.Has("spec", "minAvailable") || budget.Has("spec", "maxUnavailable"));
        Assert.Equal("Deployment", autoscaler.Str("spec", "scaleTargetRef", "kind"));
        Assert.Equal(Deployment.Name(), autoscaler.Str("spec", "scaleTargetRef", "name"));
        Assert.True(int.Parse(autoscaler.Str("spec", "minReplicas")!, CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("0", Deployment.Str("spec", "strategy", "rollingUpdate", "maxUnavailable"));
        // The autoscaler owns the count: a `replicas` would reset it to that number on every apply.
        Assert.False(Deployment.Has("spec", "replicas"));
    }

    [Fact]
    public void Instances_spread_over_nodes_and_zones()
    {
        var podLabels = Deployment.Map("spec", "template", "metadata", "labels").Pairs();
        var constraints = Deployment.PodSpec()!.Seq("topologySpreadConstraints").OfType<YamlMappingNode>().ToList();

        Assert.Equal(["kubernetes.io/hostname", "topology.kubernetes.io/zone"], constraints.Select(c => c.Str("topologyKey")).Order());
        Assert.All(constraints, c => Assert.All(c.Map("labelSelector", "matchLabels").Pairs(), label => Assert.Equal(label.Value, podLabels[label.Key])));
    }

    /// <summary>A Job's pod template cannot change, so the Job is named after the release and the next release applies cleanly.</summary>
    [Fact]
    public void The_migration_job_is_named_after_the_image_tag_and_cleans_up()
    {
        var job = MigrationJob;
        var container = job.PodSpec()!.Containers().Single();
        var tag = container.Str("image")!.Split(':')[^1];

        Assert.Equal(["migrate"], container.Scalars("args"));
        Assert.Equal($"chatapp-migrate-{tag}", job.Name());
        Assert.Equal("Never", job.PodSpec()!.Str("restartPolicy"));
        Assert.True(job.Has("spec", "ttlSecondsAfterFinished"));
    }

    /// <summary>What `kustomize edit set image chatapp=...:1.2.3` writes gives the Deployment and a new Job the new tag.</summary>
    [Fact]
    public async Task A_new_image_tag_renames_the_migration_job()
    {
        var copy = Directory.CreateTempSubdirectory("chatapp-k8s-");
        try
        {
            foreach (var file in Directory.EnumerateFiles(Repository.PathOf("k8s")))
            {
                File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
            }

            var kustomization = Path.Combine(copy.FullName, "kustomization.yaml");
            var text = await File.ReadAllTextAsync(kustomization);
            Assert.Contains("newTag: \"1.0.0\"", text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(kustomization, text.Replace("newTag: \"1.0.0\"", "newTag: \"1.2.3\"", StringComparison.Ordinal));

            var objects = await Kustomize.RenderAsync(copy.FullName);

            Assert.Equal("chatapp-migrate-1.2.3", Assert.Single(objects, o => o.Kind() == "Job").Name());
            Assert.All(objects.Where(o => o.PodSpec() is not null).SelectMany(o => o.PodSpec()!.Containers()),
                c => Assert.EndsWith(":1.2.3", c.Str("image"), StringComparison.Ordinal));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }
}
